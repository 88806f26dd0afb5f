/** The users.info cache (adapters/slack/slack-profiles.ts): what it keeps, for how long, and that it never blocks for long. */
import { describe, expect, it } from 'vitest';
import { profileOfUser, SlackProfiles, withProfiles, type SlackProfile } from '../../adapters/slack/slack-profiles.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function cache(lookup: (user: string) => Promise<SlackProfile | undefined>, opts: { waitMs?: number } = {}) {
  let now = 1_000_000;
  const asked: string[] = [];
  const profiles = new SlackProfiles({
    log: quiet,
    now: () => now,
    waitMs: opts.waitMs ?? 1_000,
    lookup: (user) => {
      asked.push(user);
      return lookup(user);
    },
  });
  return { profiles, asked, advance: (ms: number) => (now += ms) };
}

describe('profileOfUser', () => {
  it('takes the display name, else the real name, else the handle; the locale and time zone', () => {
    expect(
      profileOfUser({
        id: 'U1',
        name: 'sato',
        real_name: 'Sato Hanako',
        locale: 'en-US',
        tz: 'Asia/Tokyo',
        profile: { display_name: 'Hanako' },
      }),
    ).toEqual({
      name: 'Hanako',
      locale: 'en-US',
      timeZone: 'Asia/Tokyo',
    });
    expect(profileOfUser({ id: 'U1', name: 'sato', profile: { display_name: ' ', real_name: 'Sato  Hanako' } })).toEqual({
      name: 'Sato Hanako',
    });
    expect(profileOfUser({ id: 'U1', name: 'sato', profile: {} })).toEqual({ name: 'sato' });
    expect(profileOfUser(undefined)).toBeUndefined();
  });
});

describe('SlackProfiles', () => {
  it('asks once per person within the hour, and again after it', async () => {
    const c = cache(async (u) => ({ name: `name of ${u}` }));
    expect((await c.profiles.profiles(['U1', 'U2', 'U1'])).get('U1')).toEqual({ name: 'name of U1' });
    await c.profiles.profiles(['U1']);
    c.advance(59 * 60_000);
    await c.profiles.profiles(['U2', 'U1']);
    expect(c.asked).toEqual(['U1', 'U2']);
    c.advance(2 * 60_000);
    await c.profiles.profiles(['U1']);
    expect(c.asked).toEqual(['U1', 'U2', 'U1']);
  });

  it('after a failure goes on without the profile (or with the last one) and asks again after a few minutes', async () => {
    let fail = true;
    const c = cache(async (u) => {
      if (fail) throw new Error('internal_error');
      return { name: u };
    });
    expect((await c.profiles.profiles(['U1'])).size).toBe(0);
    await c.profiles.profiles(['U1']);
    expect(c.asked).toEqual(['U1']);
    c.advance(3 * 60_000 + 1);
    fail = false;
    expect((await c.profiles.profiles(['U1'])).get('U1')).toEqual({ name: 'U1' });
    // A failed refresh an hour later keeps the name known.
    c.advance(61 * 60_000);
    fail = true;
    expect((await c.profiles.profiles(['U1'])).get('U1')).toEqual({ name: 'U1' });
    expect(c.asked).toEqual(['U1', 'U1', 'U1']);
  });

  it('does not wait for a lookup that does not answer; its answer is kept once it comes', async () => {
    let answer: (p: SlackProfile) => void = () => {};
    const c = cache(() => new Promise((resolve) => (answer = resolve)), { waitMs: 10 });
    expect((await c.profiles.profiles(['U1'])).size).toBe(0);
    expect((await c.profiles.profiles(['U1'])).size).toBe(0);
    answer({ name: 'late' });
    await new Promise((resolve) => setImmediate(resolve));
    expect((await c.profiles.profiles(['U1'])).get('U1')).toEqual({ name: 'late' });
    expect(c.asked).toEqual(['U1']);
  });
});

describe('withProfiles', () => {
  const inbound = (text: string) => ({
    platform: 'slack' as const,
    identity: { key: 'slack:T1:U1', tenant: 'T1', userId: 'U1', displayName: 'u1', displayNameVerified: false },
    conversation: { key: 'slack:T1:DU1', isDirect: true },
    text,
    mentions: [{ text: '@U2', identity: { key: 'slack:T1:U2', tenant: 'T1', userId: 'U2', displayNameVerified: false } }],
    idempotencyKey: 'k',
  });

  it("gives the sender Slack's name and locale, and names people mentioned or typed by id of the same workspace", async () => {
    const names: Record<string, SlackProfile> = {
      U1: { name: 'One', locale: 'en-US' },
      U2: { name: 'Two' },
      U3A4: { name: 'Three' },
      U5B6: { name: 'Five' },
    };
    const c = cache(async (u) => names[u]);
    const named = await withProfiles(inbound('role grant expert @U2 slack:T1:U3A4 U5B6 slack:T9:U7C8 USA'), c.profiles);
    expect(named.identity).toMatchObject({ displayName: 'One', displayNameVerified: true });
    expect(named.locale).toBe('en-US');
    expect(named.mentions).toEqual([
      { text: '@U2', identity: { key: 'slack:T1:U2', tenant: 'T1', userId: 'U2', displayName: 'Two', displayNameVerified: true } },
      {
        text: 'slack:T1:U3A4',
        identity: { key: 'slack:T1:U3A4', tenant: 'T1', userId: 'U3A4', displayName: 'Three', displayNameVerified: true },
      },
      { text: 'U5B6', identity: { key: 'slack:T1:U5B6', tenant: 'T1', userId: 'U5B6', displayName: 'Five', displayNameVerified: true } },
    ]);
    // Another workspace's id and words that only look like ids are not asked about.
    expect(c.asked.sort()).toEqual(['U1', 'U2', 'U3A4', 'U5B6']);
  });

  it('leaves the message as it came when Slack says nothing', async () => {
    const c = cache(async () => undefined);
    expect(await withProfiles(inbound('help'), c.profiles)).toEqual(inbound('help'));
  });
});
