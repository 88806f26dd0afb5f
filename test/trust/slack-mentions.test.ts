/** The Slack adapter turns `<@U…>` and `<@U…|name>` into neutral mentions of the sender's workspace. */
import { describe, expect, it } from 'vitest';
import { inboundFromCommand } from '../../adapters/slack/inbound-from-slack.ts';
import { slashCommands } from '../../adapters/slack/slash-commands.ts';
import { inboundSchema } from '../../src/core/inbound.ts';

const desk = slashCommands.find((c) => c.command === '/desk')!;
const command = (text: string) =>
  inboundSchema.parse(
    inboundFromCommand(
      {
        team_id: 'T1',
        user_id: 'UALICE',
        user_name: 'alice',
        channel_id: 'DALICE',
        command: '/desk',
        text,
        response_url: 'https://hooks.slack.com/x',
        trigger_id: 't1',
      },
      desk,
    ),
  );

describe('Slack mentions', () => {
  it('become one word and an identity in the sender’s workspace', () => {
    const inbound = command('role grant expert <@U2BOB|bob> th');
    expect(inbound.text).toBe('role grant expert @bob th');
    expect(inbound.mentions).toEqual([
      { text: '@bob', identity: { key: 'slack:T1:U2BOB', tenant: 'T1', userId: 'U2BOB', displayName: 'bob', displayNameVerified: false } },
    ]);
    expect(command('assign 3 <@U3CAT>').mentions).toEqual([
      { text: '@U3CAT', identity: { key: 'slack:T1:U3CAT', tenant: 'T1', userId: 'U3CAT', displayNameVerified: false } },
    ]);
  });

  it('leave channel mentions and links as plain text, never as people', () => {
    const inbound = command('hours 1 call <!channel> <#C1|general> <https://x.example|x>');
    expect(inbound.text).toBe('hours 1 call @channel #general x (https://x.example)');
    expect(inbound.mentions).toEqual([]);
  });
});
