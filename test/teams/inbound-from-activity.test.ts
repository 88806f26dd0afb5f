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
const inbound = (extra: Record<string, unknown>) => inboundSchema.parse(inboundFromActivity(activitySchema.parse({ ...base, ...extra })).inbound);

describe('inbound from a Teams activity', () => {
  it('names the person, the conversation and the delivery', () => {
    const result = inbound({ text: 'hours 2 review NDA', locale: 'ja-JP' });
    expect(result.identity).toEqual({ key: 'teams:t1:aad-1', tenant: 't1', userId: 'aad-1', displayName: '山田' });
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
    expect(result.text).toBe('hours 1 call with <at>佐藤</at>');
    expect(result.conversation.isDirect).toBe(false);
  });

  it('falls back to the account id and the channel where Teams ids are missing (Emulator)', () => {
    const result = inbound({ channelId: 'emulator', from: { id: 'user-1', name: 'User' }, conversation: { id: 'conv-1' }, channelData: undefined, text: 'help' });
    expect(result.identity.key).toBe('teams:emulator:user-1');
    expect(result.conversation.isDirect).toBe(true);
  });

  it('takes a card submit as an action, and an unknown value as an unreadable one', () => {
    const value = { deskAction: '{"h":"pick","s":"fruit","v":"apple"}', label: 'りんご' };
    expect(inbound({ value, replyToId: 'card-1' }).action).toBe(value.deskAction);
    expect(inbound({ value: { something: 'else' } }).action).toBe('');
  });
});
