/** The Slack app manifest declares exactly what the adapter handles, with the minimal scopes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { slashCommands } from '../../adapters/slack/slash-commands.ts';
import { slackEventsPath } from '../../adapters/slack/shared-server-receiver.ts';
import { repoRoot } from '../support/run-process.ts';
import { createTestBot } from '../support/test-bot.ts';

const manifestSchema = z.object({
  display_information: z.object({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140),
    long_description: z.string().min(175).max(4000),
  }),
  features: z.object({
    app_home: z.object({
      home_tab_enabled: z.literal(true),
      messages_tab_enabled: z.literal(true),
      messages_tab_read_only_enabled: z.literal(false),
    }),
    bot_user: z.object({ display_name: z.string().min(1).max(80) }),
    slash_commands: z.array(
      z.object({
        command: z.string().regex(/^\/[a-z-]+$/),
        url: z.string().url(),
        description: z.string().min(1).max(100),
        usage_hint: z.string().min(1).max(100),
        should_escape: z.boolean(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string().url(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string().url() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const manifest = manifestSchema.parse(parse(readFileSync(path.join(repoRoot, 'manifest/slack/manifest.yaml'), 'utf8')));

describe('manifest/slack/manifest.yaml', () => {
  it('lists exactly the slash commands the adapter handles, each with a usage hint, at the events URL', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(slashCommands.map((c) => c.command).sort());
    for (const c of manifest.features.slash_commands) {
      expect(c.usage_hint.trim()).not.toBe('');
      expect(new URL(c.url).pathname).toBe(slackEventsPath);
      // The adapter decodes Slack's markup itself; escaped ids would reach notes as <@U…|name>.
      expect(c.should_escape).toBe(false);
    }
  });

  it('every slash command runs a command the bot has (with the real features)', async () => {
    const testBot = await createTestBot();
    try {
      const known = testBot.bot.listCommands().map((c) => c.name);
      for (const spec of slashCommands.filter((s) => s.word !== '')) expect(known, spec.command).toContain(spec.word);
    } finally {
      await testBot.close();
    }
  });

  it('includes the slash commands the program needs', () => {
    const commands = manifest.features.slash_commands.map((c) => c.command);
    for (const needed of ['/hours', '/budget', '/book', '/quota', '/eligibility']) expect(commands).toContain(needed);
  });

  it('subscribes to the events the adapter listens to, on one request URL with interactivity', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe(slackEventsPath);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(slackEventsPath);
  });

  it('asks for the minimal bot scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'files:write',
      'im:history',
      'im:write',
      'users:read',
    ]);
  });
});
