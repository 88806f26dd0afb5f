// How a Teams activity becomes the core's Inbound.
import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../adapters/teams/activity-schema.ts';
import { inboundFromActivity } from '../../adapters/teams/inbound-from-activity.ts';
import { inboundSchema } from '../../src/core/inbound.ts';

const bot = { id: '28:desk-bot', name: 'Desk' };
const base = {
  type: 'message',
  id: 'm1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/jp/',
  from: { id: '29:u1', name: '山田', aadObjectId: 'aad-1' },
  recipient: bot,
  conversation: { id: 'a:chat-1', conversationType: 'personal', tenantId: 't1' },
  channelData: { tenant: { id: 't1' } },
};
const inbound = (extra: Record<string, unknown>, authenticated = true) =>
  inboundSchema.parse(inboundFromActivity(activitySchema.parse({ ...base, ...extra }), authenticated).inbound);

describe('inbound from a Teams activity', () => {
  it('names the person, the conversation and the delivery', () => {
    const result = inbound({ text: 'hours 2 review NDA', locale: 'ja-JP' });
    expect(result.identity).toEqual({
      key: 'teams:t1:aad-1',
      tenant: 't1',
      userId: 'aad-1',
      displayName: '山田',
      displayNameVerified: true,
    });
    // Without authentication the name is only a hint: it names a new person, never renames a known one.
    expect(inbound({ text: 'help' }, false).identity.displayNameVerified).toBe(false);
    expect(result.conversation).toEqual({ key: 'teams:t1:a:chat-1', isDirect: true });
    expect(result.idempotencyKey).toBe('teams:a:chat-1:m1');
    expect(result).toMatchObject({ text: 'hours 2 review NDA', isCommand: false, locale: 'ja-JP', platform: 'teams' });
  });

  it('marks text starting with / as a command', () => {
    expect(inbound({ text: '/hours 2 review NDA' })).toMatchObject({ text: 'hours 2 review NDA', isCommand: true });
  });

  it('removes only the bot mention in a channel, including the non-breaking space Teams adds', () => {
    const result = inbound({
      conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', tenantId: 't1' },
      text: '<at>Desk</at>\u00a0hours 1 call with <at>佐藤</at>',
      entities: [
        { type: 'mention', mentioned: bot, text: '<at>Desk</at>' },
        { type: 'mention', mentioned: { id: '29:sato' }, text: '<at>佐藤</at>' },
        { type: 'clientInfo', locale: 'ja-JP' },
      ],
    });
    // A mention without an AAD object id names nobody the bot knows: it stays as typed.
    expect(result.text).toBe('hours 1 call with <at>佐藤</at>');
    expect(result.mentions).toEqual([]);
    expect(result.conversation.isDirect).toBe(false);
  });

  it('turns the mention of a person into one word and a neutral mention of their identity', () => {
    const result = inbound({
      conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', tenantId: 't1' },
      text: '<at>Desk</at> assign 12 <at>Yamada Taro</at>',
      entities: [
        { type: 'mention', mentioned: bot, text: '<at>Desk</at>' },
        { type: 'mention', mentioned: { id: '29:yamada', name: 'Yamada Taro', aadObjectId: 'aad-yamada' }, text: '<at>Yamada Taro</at>' },
      ],
    });
    expect(result.text).toBe('assign 12 @YamadaTaro');
    expect(result.mentions).toEqual([
      {
        text: '@YamadaTaro',
        identity: {
          key: 'teams:t1:aad-yamada',
          tenant: 't1',
          userId: 'aad-yamada',
          displayName: 'Yamada Taro',
          displayNameVerified: false,
        },
      },
    ]);
    // Teams may put the AAD object id in the mention's id itself.
    const byId = inbound({
      text: 'role grant staff <at>佐藤</at>',
      entities: [{ type: 'mention', mentioned: { id: '0f8fad5b-d9cb-469f-a165-70867728950e', name: '佐藤' }, text: '<at>佐藤</at>' }],
    });
    expect(byId.text).toBe('role grant staff @佐藤');
    expect(byId.mentions[0]!.identity.key).toBe('teams:t1:0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('falls back to the account id and the channel where Teams ids are missing (Emulator)', () => {
    const result = inbound({
      channelId: 'emulator',
      from: { id: 'user-1', name: 'User' },
      conversation: { id: 'conv-1' },
      channelData: undefined,
      text: 'help',
    });
    expect(result.identity.key).toBe('teams:emulator:user-1');
    expect(result.conversation.isDirect).toBe(true);
  });

  it('takes a card submit as an action, and an unknown value as an unreadable one', () => {
    const value = { deskAction: '{"h":"pick","s":"fruit","v":"apple"}', label: 'りんご' };
    expect(inbound({ value, replyToId: 'card-1' }).action).toBe(value.deskAction);
    expect(inbound({ value: { something: 'else' } }).action).toBe('');
  });
});
