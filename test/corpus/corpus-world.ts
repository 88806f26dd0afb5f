/**
 * The world the utterance corpus runs in: the real bot (features, flow engine, repositories) on a real
 * temporary database, with an applicant company that has two adopted engagements (Thailand, Vietnam), open
 * consultation slots, and an expert with two engagements in Thailand. Each utterance is typed by its own person
 * (or, for the expert, in its own conversation) with the flow stored at the step under test, and what the bot
 * understood is read back from the flow's state, the database and the replies (see `interpret`).
 */
import { decodeAction } from '../../src/core/action-value.ts';
import type { Command, Feature } from '../../src/core/feature.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createFeatures } from '../../src/app/features.ts';
import { formatTypedAmount } from '../../src/eligibility/prior-use-amount.ts';
import { eligibilityDataSchema, type EligibilityData } from '../../src/eligibility/eligibility-data.ts';
import { translator } from '../../src/i18n/translate.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { addSlot, bookableEngagement } from '../booking/fixtures.ts';

export interface CorpusCase {
  step: string;
  say: string;
  expect: string;
  locale: 'ja' | 'en';
}

interface StoredState {
  step: string;
  history: string[];
  data: Record<string, unknown>;
  misses: number;
}

/** Where a case starts: the flow, its state, and who types. */
interface Start {
  flow: string;
  state: StoredState;
  user: string;
  conversation?: string;
}

const eligibilityBase = { countries: [], excludedRegions: [], priorUse: {}, reviewing: false, canApply: false };
const answered = {
  ...eligibilityBase,
  entityKind: 'japan_corporation',
  countries: ['th'],
  intent: true,
  consent: true,
  priorUse: { th: { atLeastThreshold: false } },
};
const pending = { note: 'review NDA', category: 'review', matched: true, date: null, minutes: 5 };

export class CorpusWorld {
  /** Commands that ran during the last case, by name. */
  private readonly ran: string[] = [];
  private alphaTh = 0;
  private alphaVn = 0;
  private betaTh = 0;
  private alphaCompany = 0;
  private slotDay = 0;

  private constructor(readonly tb: TestBot) {}

  static async create(): Promise<CorpusWorld> {
    let world: CorpusWorld | undefined;
    // The real features, each command wrapped to record that it ran (what "command=status" checks).
    const spy = (c: Command): Command => ({
      ...c,
      run: (turn, args) => {
        world!.ran.push(c.name);
        return c.run(turn, args);
      },
    });
    const features: Feature[] = createFeatures().map((f) => ({ ...f, commands: f.commands?.map(spy) }));
    const tb = await createTestBot({ now: '2021-09-01T01:00:00Z', features });
    world = new CorpusWorld(tb);
    await world.setUp();
    return world;
  }

  private async setUp(): Promise<void> {
    const { tb } = this;
    this.alphaTh = await bookableEngagement(tb, { company: 'Alpha株式会社', country: 'th', experts: ['somchai', 'kenji'] });
    this.alphaVn = await bookableEngagement(tb, { company: 'Alpha株式会社', country: 'vn', experts: ['minh'] });
    this.betaTh = await bookableEngagement(tb, { company: 'Beta Trading', country: 'th', experts: ['kenji'] });
    this.alphaCompany = (await tb.services.applications.findCompany('Alpha株式会社'))!.id;
    // Two open consultation slots in Bangkok, the first two of every slot list.
    await addSlot(tb, 'somchai', '2021-09-15 14:00 1h consultation');
    await addSlot(tb, 'somchai', '2021-09-16 14:00 1h consultation');
  }

  async close(): Promise<void> {
    await this.tb.close();
  }

  /** Where the case starts: a person of the right kind, and the flow stored at the step. */
  private async start(step: string, n: number): Promise<Start> {
    const user = `u${n}`;
    const eligibility = (s: string, history: string[], data: Record<string, unknown>): Start => ({
      flow: 'eligibility',
      user,
      state: { step: s, history, data, misses: 0 },
    });
    const book = async (s: string, history: string[], data: Record<string, unknown>): Promise<Start> => {
      await this.tb.grant(user, 'applicant', { companyId: this.alphaCompany });
      return { flow: 'book', user, state: { step: s, history, data: { topics: [], page: 0, ...data }, misses: 0 } };
    };
    const th = { applicationId: this.alphaTh };
    switch (step) {
      case 'eligibility/entity':
        return eligibility('entity', [], eligibilityBase);
      case 'eligibility/countries':
        return eligibility('countries', ['entity'], { ...eligibilityBase, entityKind: 'japan_corporation' });
      case 'eligibility/investment':
        return eligibility('investment', ['entity', 'countries'], {
          ...eligibilityBase,
          entityKind: 'local_corporation',
          countries: ['th'],
        });
      case 'eligibility/intent':
        return eligibility('intent', ['entity', 'countries'], { ...eligibilityBase, entityKind: 'japan_corporation', countries: ['th'] });
      case 'eligibility/consent':
        return eligibility('consent', ['entity', 'countries', 'intent'], {
          ...eligibilityBase,
          entityKind: 'japan_corporation',
          countries: ['th'],
          intent: true,
        });
      case 'eligibility/priorUse':
        return eligibility('priorUse:th', ['entity', 'countries', 'intent', 'consent'], { ...answered, priorUse: {} });
      case 'eligibility/summary':
        return eligibility('summary', ['entity', 'countries', 'intent', 'consent', 'priorUse:th'], answered);
      case 'eligibility/apply':
        return eligibility('apply', ['summary'], { ...answered, canApply: true });
      case 'eligibility/company':
        return eligibility('company', ['summary', 'apply'], { ...answered, canApply: true, applying: true });
      case 'book/engagement':
        return book('engagement', [], {});
      case 'book/kind':
        return book('kind', [], th);
      case 'book/menu':
        return book('menu', ['kind'], { ...th, kind: 'consultation' });
      case 'book/topics':
        return book('topics', ['kind'], { ...th, kind: 'training' });
      case 'book/language':
        return book('language', ['kind', 'topics'], { ...th, kind: 'training', topics: [1] });
      case 'book/slot':
        return book('slot', ['kind', 'menu'], { ...th, kind: 'consultation', menu: 'A1' });
      case 'book/confirm': {
        // A slot of its own, so that booking it leaves the others free.
        const day = String(20 + (this.slotDay++ % 10)).padStart(2, '0');
        const month = 10 + Math.floor(this.slotDay / 10);
        const slotId = await addSlot(this.tb, 'somchai', `2021-${month}-${day} 10:00 1h consultation`);
        return book('slot', ['kind', 'menu'], { ...th, kind: 'consultation', menu: 'A1', slotId });
      }
      case 'hours/engagement':
        return {
          flow: 'hours-engagement',
          user: 'kenji',
          conversation: `console:kenji:case-${n}`,
          state: {
            step: 'engagement',
            history: [],
            data: { ...pending, requestKey: `corpus-${n}`, options: [this.alphaTh, this.betaTh] },
            misses: 0,
          },
        };
      default:
        throw new Error(`the corpus has no step ${step}`);
    }
  }

  /** Types the case's text at its step and says what the bot understood, in the corpus's words. */
  async run(c: CorpusCase, n: number): Promise<{ got: string; replies: string }> {
    const { tb } = this;
    const start = await this.start(c.step, n);
    const conversation = start.conversation ?? `console:${start.user}`;
    await tb.services.conversations.save(`console:${start.user}`, conversation, {
      flow: start.flow,
      state: JSON.stringify(start.state),
      expiresAt: new Date(tb.clock.now().getTime() + 3_600_000),
    });
    this.ran.length = 0;
    const replies = await tb.say(start.user, c.say, { locale: c.locale, conversation: start.conversation });
    const stored = await tb.services.conversations.get(`console:${start.user}`, conversation);
    const after = stored ? (JSON.parse(stored.state) as StoredState) : null;
    return { got: await this.interpret(c, start, after, replies), replies: tb.textOf(replies) };
  }

  private async interpret(c: CorpusCase, start: Start, after: StoredState | null, replies: Reply[]): Promise<string> {
    const t = translator(c.locale);
    const seen = this.tb.textOf(replies);
    const before = start.state;
    if (replies.some((r) => r.kind === 'choices' && r.choices.some((ch) => decodeAction(ch.value)?.v === 'leave'))) return 'leave?';
    if (this.ran.length > 0) return `command=${this.ran[0]}`;
    if (!after) {
      if (seen.includes(t('core.flow.cancelled'))) return 'keyword=cancel';
      return this.finished(c, start);
    }
    if (seen.includes(t('core.flow.keywords'))) return 'keyword=help';
    if (seen.includes(t('core.flow.resumed'))) return 'resumed';
    if (after.misses > before.misses || seen.includes(t('core.flow.tooManyMisses'))) return this.missed(c, seen);
    if (seen.includes(t('core.flow.noBack'))) return 'keyword=back';
    if (before.history.length > 0 && after.step === before.history.at(-1) && after.history.length < before.history.length)
      return 'keyword=back';
    if (after.history.length === 0 && after.step !== before.step && Object.keys(after.data).length <= Object.keys(eligibilityBase).length)
      return 'keyword=restart';
    return this.answerOf(c, before, after, seen);
  }

  /** A miss, and the regions it said are not covered. */
  private missed(c: CorpusCase, seen: string): string {
    const program = this.tb.program;
    const t = translator(c.locale);
    const excluded = program.excludedRegions.filter((r) =>
      seen.includes(t('eligibility.countries.excluded', { region: r.name[c.locale], note: program.excludedRegionsNote[c.locale] })),
    );
    return ['miss', ...(excluded.length ? [`excluded=${excluded.map((r) => r.name.en).join(',')}`] : [])].join('; ');
  }

  /** The answer recorded when the flow moved on (or stayed on a question that ticks). */
  private answerOf(c: CorpusCase, before: StoredState, after: StoredState, seen: string): string {
    const step = c.step;
    const data = after.data;
    if (step === 'eligibility/entity') return String(data.entityKind);
    if (step === 'eligibility/countries') {
      // In the order typed: 「ハノイとバンコク」 is 'vn,th'.
      const parsed: EligibilityData = eligibilityDataSchema.parse(data);
      const parts = [after.step === 'countries' ? `ticked=${parsed.countries.join(',')}` : parsed.countries.join(',')];
      if (parsed.excludedRegions.length) parts.push(`excluded=${parsed.excludedRegions.join(',')}`);
      // The end of the "partly understood" notice, after the names and the choices it quotes.
      const partial = translator(c.locale)('eligibility.countries.partial', { names: '\u0000', choices: '\u0000' }).split('\u0000').at(-1)!;
      if (seen.includes(partial)) parts.push('unread');
      return parts.join('; ');
    }
    if (step === 'eligibility/investment') return yesNo(data.japaneseInvestment);
    if (step === 'eligibility/intent') return yesNo(data.intent);
    if (step === 'eligibility/consent') return yesNo(data.consent);
    if (step === 'eligibility/priorUse') {
      const use = (data.priorUse as Record<string, { atLeastThreshold: boolean; amount?: { hours?: string; minutes?: string } }>).th;
      if (!use) return 'nothing recorded';
      const side = yesNo(use.atLeastThreshold);
      return use.amount ? `${side}, ${formatTypedAmount(use.amount, translator('ja'))}` : side;
    }
    if (step === 'eligibility/summary') return after.step === 'apply' ? 'confirm' : `change ${after.step}`;
    if (step === 'eligibility/apply') return after.step === 'company' ? 'apply' : `moved to ${after.step}`;
    if (step === 'book/engagement')
      return `engagement=${data.applicationId === this.alphaTh ? 'th' : data.applicationId === this.alphaVn ? 'vn' : String(data.applicationId)}`;
    if (step === 'book/kind') return String(data.kind);
    if (step === 'book/menu') return String(data.menu);
    if (step === 'book/topics')
      return after.step === 'topics' ? `ticked=${(data.topics as number[]).join(',')}` : `topics=${(data.topics as number[]).join(',')}`;
    if (step === 'book/language') return `language=${String(data.language)}`;
    if (step === 'book/slot') return this.slotPicked(data.slotId as number | undefined);
    if (step === 'book/confirm') return data.slotId === undefined ? 'change' : `still asking (${String(data.slotId)})`;
    return `moved to ${after.step} (${before.step})`;
  }

  private slotPicked(slotId: number | undefined): string {
    // The two slots set up first are the first two listed.
    return slotId === 1 ? 'slot 1' : slotId === 2 ? 'slot 2' : `slot #${String(slotId)}`;
  }

  /** The flow ended: what it did. */
  private async finished(c: CorpusCase, start: Start): Promise<string> {
    const { prisma } = this.tb.db;
    const personId = await this.tb.personId(start.user);
    switch (c.step) {
      case 'eligibility/apply':
        return 'later';
      case 'eligibility/company': {
        const app = await prisma.application.findFirst({ where: { applicantId: personId }, include: { company: true } });
        return app ? `company=${app.company.name}` : 'nothing registered';
      }
      case 'eligibility/summary':
        return 'confirm';
      case 'book/confirm': {
        const booking = await prisma.booking.findFirst({ where: { applicantId: personId } });
        return booking ? 'booked' : 'nothing booked';
      }
      case 'hours/engagement': {
        const entry = await prisma.hourEntry.findFirst({
          where: { expertId: personId },
          orderBy: { id: 'desc' },
          include: { application: { include: { company: true } } },
        });
        return entry ? `engagement=${entry.application.company.name}` : 'nothing logged';
      }
      default:
        return 'finished';
    }
  }
}

function yesNo(value: unknown): string {
  return value === true ? 'yes' : value === false ? 'no' : 'nothing recorded';
}
