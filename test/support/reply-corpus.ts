/**
 * Every kind of reply the bot gives, produced by the real bot (features, repositories, a real database) on a
 * world with long lists: 60 applications, 45 adopted engagements of one expert, more than 80 people with roles,
 * 60 hour entries on one engagement. The same script runs in Japanese and in English. The renderers' validation
 * tests (test/teams/card-validation.test.ts, test/slack/block-kit-limits.test.ts) render all of it.
 *
 * A step that does not find what it expects throws: the corpus never silently shrinks.
 */
import type { Reply } from '../../src/core/reply.ts';
import type { Locale } from '../../src/i18n/catalog.ts';
import { bookableEngagement } from '../booking/fixtures.ts';
import { engagement } from '../hours/engagements.ts';
import { createTestBot, type TestBot } from './test-bot.ts';

export interface CorpusEntry {
  /** What produced it: `<language> <user>: <typed text or clicked label>`. */
  name: string;
  locale: Locale;
  replies: Reply[];
}

export interface ReplyCorpus {
  /** Replies to typed messages and clicks. */
  turns: CorpusEntry[];
  /** Proactive messages queued in the outbox (notifications, reminders). */
  notifications: CorpusEntry[];
  /** Dashboards (Slack App Home, Teams welcome) of each kind of person. */
  homes: CorpusEntry[];
}

/** The sizes of the long lists, at least what the task names. */
export const corpusSizes = { applications: 60, adoptedEngagements: 45, peopleWithRoles: 85, hourEntries: 60 } as const;

let seq = 0;

/** The corpus in both languages (a fresh database for each). */
export async function buildReplyCorpus(): Promise<ReplyCorpus> {
  const corpus: ReplyCorpus = { turns: [], notifications: [], homes: [] };
  for (const locale of ['ja', 'en'] as const) await runScript(locale, corpus);
  return corpus;
}

async function runScript(locale: Locale, corpus: ReplyCorpus): Promise<void> {
  const tb = await createTestBot({ now: '2021-09-01T01:00:00Z' });
  try {
    const s = script(tb, locale, corpus);
    await seed(tb, s);
    // While the program is open (before the 45 adopted engagements fill its target): checks and registrations.
    await s.applying();
    await seedLongLists(tb, s);
    await s.conversations();
    const people = await tb.db.prisma.person.findMany({ orderBy: { id: 'asc' } });
    const byId = new Map(people.map((p) => [p.id, p.displayName]));
    const rows = await tb.db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    for (const row of rows)
      corpus.notifications.push({
        name: `${locale} notification #${row.id} to ${byId.get(row.personId)}`,
        locale: (people.find((p) => p.id === row.personId)?.locale as Locale | null) ?? 'ja',
        replies: JSON.parse(row.replies) as Reply[],
      });
    for (const user of ['alice', 'bob', 'carol', 'somchai', 'dora', 'zed', 'newbie']) {
      const home = await tb.bot.home({
        platform: 'console',
        identity: { key: `console:${user}`, userId: user, displayName: user },
        conversation: { key: `console:${user}`, isDirect: true },
        idempotencyKey: `home-${++seq}`,
      });
      corpus.homes.push({ name: `${locale} home of ${user}`, locale: home.locale, replies: home.replies });
    }
  } finally {
    await tb.close();
  }
}

type Script = ReturnType<typeof script>;

function script(tb: TestBot, lang: Locale, corpus: ReplyCorpus) {
  const inbound = (user: string, conversation?: string) => ({
    platform: 'console' as const,
    identity: { key: `console:${user}`, userId: user, displayName: user },
    conversation: { key: conversation ?? `console:${user}`, isDirect: !conversation },
    idempotencyKey: `corpus-${++seq}`,
    // English: the platform's locale says so (the person chose no language).
    locale: lang === 'en' ? 'en-US' : 'ja-JP',
  });
  const record = (name: string, locale: Locale, replies: Reply[]) => {
    corpus.turns.push({ name: `${lang} ${name}`, locale, replies });
    if (process.env.CORPUS_TRACE) process.stderr.write(`>>> ${lang} ${name}\n${tb.textOf(replies)}\n`);
    return replies;
  };
  const say = async (user: string, text: string, conversation?: string) => {
    const result = await tb.handle({ ...inbound(user, conversation), text, isCommand: false });
    return record(`${user}: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`, result.locale, result.replies);
  };
  const click = async (user: string, replies: Reply[], label: string | ((labels: string[]) => string | undefined)) => {
    const all = replies.flatMap((r) => (r.kind === 'choices' ? r.choices : []));
    const wanted = typeof label === 'string' ? label : label(all.map((c) => c.label));
    const choice = all.find((c) => wanted !== undefined && c.label.includes(wanted));
    if (!choice) throw new Error(`corpus (${lang}) ${user}: no choice "${String(wanted)}" in:\n${tb.textOf(replies)}`);
    const result = await tb.handle({ ...inbound(user), action: choice.value });
    return record(`${user}: [${choice.label}]`, result.locale, result.replies);
  };
  /** The label at `index` of the choices shown (for language-neutral scripts). */
  const nth =
    (index: number) =>
    (labels: string[]): string | undefined =>
      index < 0 ? labels.at(index) : labels[index];
  const en = lang === 'en';
  const w = (ja: string, english: string) => (en ? english : ja);

  return {
    say,
    click,
    async applying() {
      // People who have never spoken: the greeting and the whole eligibility check, several countries, registering.
      let r = await say('newbie', w('こんにちは', 'hello'));
      r = await click('newbie', r, nth(0));
      await say('newbie', 'help');
      r = await say('newbie', 'eligibility');
      for (const country of [w('タイ', 'Thailand'), w('ベトナム', 'Vietnam'), w('シンガポール', 'Singapore')])
        r = await click('newbie', r, country);
      r = await click('newbie', r, nth(-1));
      r = await say('newbie', w('たぶん', 'not sure'));
      r = await say('newbie', w('はい', 'yes'));
      r = await say('newbie', w('はい', 'yes'));
      r = await say('newbie', '19.5');
      r = await say('newbie', w('いいえ', 'no'));
      r = await say('newbie', w('20時間以上', '25'));
      r = await click('newbie', r, nth(0));
      r = await click('newbie', r, nth(0));
      r = await say('newbie', w('株式会社ニュービー', 'Newbie Inc.'));
      await say('newbie', 'status');
      // A local corporation: the investment question; places and excluded regions typed.
      r = await say('li', 'eligibility');
      r = await say('li', w('現地法人です', 'local subsidiary'));
      r = await say('li', w('タイとフィリピン', 'Thailand and the Philippines'));
      r = await say('li', w('深圳と香港', 'Shenzhen and Hong Kong'));
      await say('li', '???');
      await say('li', 'back');
      await say('li', 'restart');
      await say('li', 'cancel');
      // None of the kinds of company the program serves: not eligible, with the reason.
      r = await say('li', 'eligibility');
      r = await click('li', r, nth(3));
      r = await click('li', r, w('タイ', 'Thailand'));
      r = await click('li', r, nth(-1));
      await click('li', r, nth(0));
      // Someone typing the name of a registered company asks to join it.
      r = await say('dora', 'eligibility');
      r = await click('dora', r, nth(0));
      r = await say('dora', w('タイ', 'Thailand'));
      r = await say('dora', w('はい', 'yes'));
      r = await say('dora', w('はい', 'yes'));
      r = await say('dora', w('いいえ', 'no'));
      r = await click('dora', r, nth(0));
      r = await click('dora', r, nth(0));
      await say('dora', 'Acme Co., Ltd.');
      await say('dora', 'status');
      // A second request to join Acme, declined later.
      r = await say('fumi', 'eligibility');
      r = await click('fumi', r, nth(2));
      r = await say('fumi', w('タイ', 'Thailand'));
      while (!r.some((x) => x.kind === 'choices' && x.choices.length > 2)) r = await say('fumi', w('はい', 'yes'));
      r = await click('fumi', r, nth(0));
      r = await click('fumi', r, nth(0));
      await say('fumi', 'ACME CO LTD');
      r = await say('carol', 'members');
      await click('carol', r, nth(0));
      await say('carol', 'approve-member 999');
      await say('dora', 'status');
    },
    async conversations() {
      let r: Reply[];

      // The applicant: status, budget, booking a training and a consultation, bookings, cancelling.
      await say('carol', 'help');
      await say('carol', 'status');
      await say('carol', 'status Nowhere');
      await say('carol', 'budget');
      await say('carol', 'whoami');
      r = await say('carol', 'book');
      r = await click('carol', r, nth(1));
      r = await say('carol', '1-3');
      r = await click('carol', r, nth(-1));
      r = await click('carol', r, nth(0));
      r = await click('carol', r, nth(0));
      r = await say('carol', 'book');
      r = await click('carol', r, nth(0));
      await say('carol', 'help');
      r = await click('carol', r, nth(0));
      r = await click('carol', r, nth(0));
      r = await click('carol', r, nth(0));
      // Rescheduling the training (a slot to choose, a confirmation), cancelling the consultation with a reason.
      r = await say('carol', 'bookings');
      r = await click('carol', r, w('日程を変更', 'Reschedule'));
      r = await click('carol', r, nth(0));
      r = await click('carol', r, nth(0));
      r = await say('carol', 'bookings');
      r = await click('carol', r, nth(-1));
      r = await say('carol', w('都合がつかなくなりました', 'we cannot make it'));
      if (r.some((x) => x.kind === 'choices')) await click('carol', r, nth(0));
      await say('carol', 'bookings reschedule 999');
      await say('carol', 'bookings cancel 999');
      // Once the target is reached, the check says so first.
      await say('zed', 'eligibility');
      await say('zed', 'cancel');
      await say('carol', 'decline-member 2');
      await say('carol', 'decline-member x');
      await say('carol', 'applications');
      await say('carol', 'make coffee');

      // The expert of 45 engagements: which engagement (45 choices), budget, the 60-entry list, slots.
      await say('bob', 'help');
      r = await say('bob', 'hours 1 meeting');
      r = await click('bob', r, nth(0));
      r = await click('bob', r, nth(0));
      await click('bob', r, nth(1));
      await say('bob', 'hours 1 call for Nowhere');
      await say('bob', 'hours abc');
      await say('bob', 'budget');
      r = await say('bob', 'hours list');
      r = await click('bob', r, w('次へ', 'Next'));
      await say('bob', 'hours undo');
      await say('bob', 'slots add 2021-09-20 10:00 1h consultation');
      await say('bob', 'slots add 2021-09-15 14:00 1h lunch');
      await say('bob', 'slots');
      await say('bob', 'bookings');
      await say('somchai', 'bookings');
      await say('somchai', 'slots');
      await say('somchai', 'slots remove 4');
      r = await say('somchai', `slots remove 1 ${w('急病のため', 'illness')}`);
      if (r.some((x) => x.kind === 'choices')) await click('somchai', r, nth(0));
      await say('somchai', 'slots remove 999');

      // Staff: the 60-application pipeline, roles of 85 people, quota, exports, every pipeline step.
      await say('alice', 'help');
      r = await say('alice', 'applications');
      r = await click('alice', r, nth(-1));
      await say('alice', 'applications waiting');
      await say('alice', 'applications sleeping');
      r = await say('alice', 'application 1');
      r = await say('alice', `application ${await firstWaiting(tb)}`);
      r = await click('alice', r, nth(0));
      const waiting = await firstWaiting(tb);
      await say('alice', `receive ${waiting}`);
      await say('alice', `screen ${waiting}`);
      r = await say('alice', `adopt ${waiting}`);
      if (r.some((x) => x.kind === 'choices')) await click('alice', r, nth(0));
      const rejected = await firstWaiting(tb);
      await say('alice', `receive ${rejected}`);
      await say('alice', `reject ${rejected} ${w('書類不備', 'incomplete documents')}`);
      await say('alice', 'receive 99999');
      await say('alice', 'receive');
      await say('alice', 'withdraw Acme Co., Ltd. th');
      r = await say('newbie', `withdraw ${w('シンガポール', 'Singapore')}`);
      await click('newbie', r, nth(0));
      await say('alice', `forms ${waiting} both`);
      await say('alice', `assign ${waiting} console:bob`);
      await say('alice', `unassign ${waiting} console:bob`);
      await say('alice', `bind ${waiting}`, 'console:room');
      await say('alice', `followup ${waiting} 2021-11-05`);
      r = await say('alice', `close ${waiting}`);
      if (r.some((x) => x.kind === 'choices')) await click('alice', r, nth(0));
      await say('alice', 'role list');
      await say('alice', 'role grant expert console:erin Taiwan');
      await say('alice', 'role grant expert console:erin vn');
      await say('alice', 'role grant applicant console:fumi Nowhere');
      await say('alice', 'role revoke staff console:alice');
      r = await say('alice', 'role revoke expert console:expert25');
      await click('alice', r, nth(0));
      await say('alice', 'quota');
      await say('alice', 'quota Company 01');
      await say('alice', 'hours list Company 01 株式会社');
      await say('alice', 'hours void 999 x');
      await say('alice', 'export hours');
      await say('alice', 'export applications');
      await say('alice', 'export everything');
      await say('alice', 'slots for console:somchai');
      await say('alice', 'members');
      await say('alice', 'budget Company 01');

      // Someone without a role.
      await say('zed', w('language ja', 'language en'));
      await say('zed', 'help');
      await say('zed', 'applications');
      await say('zed', 'hours 2 review');
      await say('zed', 'book');
      await say('zed', 'x'.repeat(5000));
    },
  };
}

async function firstWaiting(tb: TestBot): Promise<number> {
  const app = await tb.db.prisma.application.findFirst({
    where: { status: { in: ['applied', 'received', 'screening'] } },
    orderBy: { id: 'asc' },
  });
  if (!app) throw new Error('corpus: no waiting application');
  return app.id;
}

/** Staff alice; applicant carol of Acme with a bookable engagement, expert somchai with slots. */
async function seed(tb: TestBot, s: Script): Promise<void> {
  await tb.grant('alice', 'staff');
  // Applicant carol's engagement, bookable, with expert somchai and slots to book.
  await bookableEngagement(tb, { company: 'Acme Co., Ltd.', country: 'th', experts: ['somchai'], applicant: 'carol' });
  for (const args of [
    '2021-09-15 14:00 2h training',
    '2021-09-16 09:30 2h training',
    '2021-09-17 10:00 90m consultation',
    '2021-09-18 10:00 1h consultation',
  ])
    await s.say('somchai', `slots add ${args}`);
}

/** Expert bob on 45 adopted engagements (one of them with 60 entries), 14 more waiting applications, 85+ people with roles. */
async function seedLongLists(tb: TestBot, s: Script): Promise<void> {
  for (let i = 1; i <= corpusSizes.adoptedEngagements; i++) {
    const n = String(i).padStart(2, '0');
    await engagement(tb, { company: `Company ${n} 株式会社`, country: 'th', experts: ['bob'], applicant: `applicant${n}` });
  }
  const waiting = corpusSizes.applications - corpusSizes.adoptedEngagements - 1;
  for (let i = 1; i <= waiting; i++) {
    const n = String(i).padStart(2, '0');
    await engagement(tb, { company: `Waiting ${n} Co., Ltd.`, country: i % 2 ? 'vn' : 'cn', applicant: `waiting${n}`, status: 'applied' });
  }
  for (let i = 1; i <= 25; i++) await tb.grant(`expert${String(i).padStart(2, '0')}`, 'expert', { country: i % 2 ? 'vn' : 'sg' });
  const people = await tb.db.prisma.roleGrant.groupBy({ by: ['personId'] });
  if (people.length < corpusSizes.peopleWithRoles) throw new Error(`corpus: only ${people.length} people with roles`);
  // 60 entries on Company 01's engagement (15 minutes each, within its 17-hour cap).
  for (let i = 0; i < corpusSizes.hourEntries; i++) await s.say('bob', `hours 15m ${i % 2 ? 'review NDA' : '電話相談'} for Company 01`);
}
