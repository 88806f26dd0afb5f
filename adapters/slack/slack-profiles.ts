/**
 * Who a Slack user is, asked of Slack (`users.info` with `include_locale`): the name people know them by,
 * their locale and time zone. The bot never blocks on it: Slack waits three seconds for an acknowledgement
 * and the turn runs before it (slack-desk.ts), so a lookup is awaited at most `waitMs`; one still running
 * then goes on and fills the cache for the next message. Answers are kept `ttlMs` (an hour), failures
 * `failureTtlMs` (a few minutes) while an earlier answer, if any, is still used. The lookup runs before the
 * turn's database transaction, never inside it.
 */
import { z } from 'zod';
import type { InboundInput } from '../../src/core/inbound.ts';
import type { Logger } from '../../src/core/ports.ts';
import { identityKey } from './inbound-from-slack.ts';

export interface SlackProfile {
  /** profile.display_name, else the real name, else the user name; undefined when Slack gives none. */
  name?: string;
  /** `en-US`, `ja-JP`… */
  locale?: string;
  /** An IANA time zone (`Asia/Bangkok`); read, not used by the bot yet. */
  timeZone?: string;
}

/** The part of a `users.info` answer the bot reads. */
const userSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  locale: z.string().optional(),
  tz: z.string().optional(),
  profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).partial().optional(),
});

/** The Inbound's limits (src/core/inbound.ts). */
const maxName = 200;
const maxLocale = 35;

const clean = (s: string | undefined, max: number) => {
  const v = s?.replace(/\s+/g, ' ').trim();
  return v ? v.slice(0, max) : undefined;
};

/** A `users.info` answer's user as a profile; undefined when it is not one. */
export function profileOfUser(user: unknown): SlackProfile | undefined {
  const parsed = userSchema.safeParse(user);
  if (!parsed.success) return undefined;
  const u = parsed.data;
  const name =
    clean(u.profile?.display_name, maxName) ??
    clean(u.profile?.real_name, maxName) ??
    clean(u.real_name, maxName) ??
    clean(u.name, maxName);
  const locale = clean(u.locale, maxLocale);
  const timeZone = clean(u.tz, 100);
  return { ...(name ? { name } : {}), ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) };
}

export interface SlackProfilesOptions {
  /** Asks Slack about one user of the workspace (resolves undefined when Slack knows nothing useful). */
  lookup: (user: string) => Promise<SlackProfile | undefined>;
  log: Logger;
  /** How long an answer is kept (default one hour). */
  ttlMs?: number;
  /** How long a failure is kept before Slack is asked again (default three minutes). */
  failureTtlMs?: number;
  /** How long a message waits for a lookup (default 0.8 s). */
  waitMs?: number;
  /** The most users kept (the oldest go first). */
  maxEntries?: number;
  /** Real time in milliseconds (tests). */
  now?: () => number;
}

interface Entry {
  /** The last answer (kept through a failure to refresh it). */
  profile?: SlackProfile;
  /** Until when the entry needs no new lookup. */
  freshUntil: number;
  loading?: Promise<void>;
}

export class SlackProfiles {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly waitMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: SlackProfilesOptions) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 3 * 60_000;
    this.waitMs = options.waitMs ?? 800;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The profiles of `users` known within `waitMs`: from the cache, or looked up now. A user missing from the
   * answer is simply unknown for this message; never throws.
   */
  async profiles(users: readonly string[]): Promise<Map<string, SlackProfile>> {
    const unique = [...new Set(users)];
    const loading = unique.flatMap((u) => {
      const p = this.refresh(u);
      return p ? [p] : [];
    });
    if (loading.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.waitMs);
      });
      await Promise.race([Promise.all(loading), timeout]);
      clearTimeout(timer);
    }
    const known = new Map<string, SlackProfile>();
    for (const u of unique) {
      const profile = this.entries.get(u)?.profile;
      if (profile) known.set(u, profile);
    }
    return known;
  }

  /** Starts a lookup when the user's entry is missing or stale (once at a time); returns it, if one runs. */
  private refresh(user: string): Promise<void> | undefined {
    const entry = this.entries.get(user);
    if (entry?.loading) return entry.loading;
    if (entry && entry.freshUntil > this.now()) return undefined;
    const current: Entry = entry ?? { freshUntil: 0 };
    current.loading = this.options.lookup(user).then(
      (profile) => {
        // Slack's answer, even an empty one, holds for the whole window.
        current.profile = profile ?? current.profile;
        current.freshUntil = this.now() + this.ttlMs;
      },
      (e: unknown) => {
        current.freshUntil = this.now() + this.failureTtlMs;
        this.options.log.warn({ err: e, user }, 'slack: users.info failed; going on without the name and locale');
      },
    );
    void current.loading.finally(() => {
      current.loading = undefined;
    });
    this.entries.delete(user);
    this.entries.set(user, current);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return current.loading;
  }
}

/** A Slack user id typed as a word: `slack:T1:U0123ABC` or a bare `U0123ABC` (with a digit, so `USA` is no id). */
const typedUserId = /(?<=^|\s)(?:slack:([A-Z0-9]+):)?([UW](?=[A-Z0-9]*\d)[A-Z0-9]{2,})(?=$|\s)/g;
const maxMentions = 50;

/**
 * The message with what Slack says about the people in it: the sender's name (vouched for by Slack) and
 * locale, and the names of the people it mentions or names by a typed Slack id of the sender's workspace
 * (passed as mentions, so commands that name a person store the name Slack gives). Waits at most the
 * profiles' `waitMs`; without an answer the message goes on as it came.
 */
export async function withProfiles(inbound: InboundInput, profiles: SlackProfiles): Promise<InboundInput> {
  const team = inbound.identity.tenant ?? '';
  const mentions = inbound.mentions ?? [];
  const typed = [...(inbound.text ?? '').matchAll(typedUserId)]
    .filter((m) => (m[1] === undefined || m[1] === team) && !mentions.some((x) => x.text === m[0]))
    .map((m) => ({ word: m[0], user: m[2]! }));
  const named = mentions.filter((m) => m.identity.tenant === team).map((m) => m.identity.userId);
  const known = await profiles.profiles([inbound.identity.userId, ...named, ...typed.map((t) => t.user)]);

  const sender = known.get(inbound.identity.userId);
  const identity = sender?.name ? { ...inbound.identity, displayName: sender.name, displayNameVerified: true } : inbound.identity;
  const vouched = (user: string) => {
    const name = known.get(user)?.name;
    return name ? { displayName: name, displayNameVerified: true } : {};
  };
  const mentioned: NonNullable<InboundInput['mentions']> = mentions.map((m) =>
    m.identity.tenant === team ? { ...m, identity: { ...m.identity, ...vouched(m.identity.userId) } } : m,
  );
  for (const t of typed) {
    const name = known.get(t.user)?.name;
    if (!name || mentioned.length >= maxMentions) continue;
    mentioned.push({
      text: t.word,
      identity: { key: identityKey(team, t.user), tenant: team, userId: t.user, displayName: name, displayNameVerified: true },
    });
  }
  return {
    ...inbound,
    identity,
    mentions: mentioned,
    ...(sender?.locale ? { locale: sender.locale } : {}),
  };
}
