// Every reply the bot gives (the reply corpus: the real features on a world with long lists, in Japanese and
// English), rendered as Teams messages: each card valid against the official Adaptive Card 1.5 schema, each
// message under Teams' size limit, nothing dropped when a list is split. And proof the checks can fail.
import { beforeAll, describe, expect, it } from 'vitest';
import { answeredCard, cardMessage, renderReplies, type AdaptiveCard, type OutgoingMessage } from '../../adapters/teams/render-card.ts';
import { createFeatures } from '../../src/app/features.ts';
import type { Reply } from '../../src/core/reply.ts';
import { teamsTranslator as translator } from '../../adapters/teams/i18n/translate.ts';
import { buildReplyCorpus, corpusSizes, type CorpusEntry, type ReplyCorpus } from '../support/reply-corpus.ts';
import { activityBytes, cardProblems, messageProblems, teamsMessageLimitBytes } from './support/adaptive-card-check.ts';

let corpus: ReplyCorpus;
let entries: CorpusEntry[];
beforeAll(async () => {
  corpus = await buildReplyCorpus();
  entries = [
    ...corpus.turns,
    ...corpus.notifications,
    // A Teams welcome in a personal chat is the greeting and the person's dashboard.
    ...corpus.homes.map((h) => ({
      ...h,
      replies: [{ kind: 'text', text: translator(h.locale)('teams.welcome.personal', { program: 'P' }) } as Reply, ...h.replies],
    })),
  ];
}, 600_000);

const render = (entry: CorpusEntry) => renderReplies(entry.replies, translator(entry.locale), '29:recipient');
const cardsOf = (messages: OutgoingMessage[]) =>
  messages.flatMap((m) => m.attachments.filter((a) => a.content !== undefined).map((a) => a.content as AdaptiveCard));
const choicesOf = (replies: Reply[]) => replies.flatMap((r) => (r.kind === 'choices' ? r.choices : []));

function submitsOf(node: unknown): { title: string; data: { deskAction: string; label: string; question: string } }[] {
  if (Array.isArray(node)) return node.flatMap(submitsOf);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'Action.Submit' ? [o as unknown as ReturnType<typeof submitsOf>[number]] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => (k === 'data' ? [] : submitsOf(v)))];
}

describe('the reply corpus', () => {
  it('holds every kind of reply, in both languages, with the long lists', () => {
    const kinds = new Set(entries.flatMap((e) => e.replies.map((r) => r.kind)));
    expect([...kinds].sort()).toEqual(['choices', 'error', 'facts', 'file', 'text']);
    expect(new Set(entries.map((e) => e.locale))).toEqual(new Set(['ja', 'en']));
    expect(corpus.notifications.length).toBeGreaterThan(10);
    expect(corpus.homes.length).toBe(14);
    // The expert asked which of the 45 engagements an entry is for.
    expect(Math.max(...entries.map((e) => choicesOf(e.replies).length))).toBeGreaterThanOrEqual(corpusSizes.adoptedEngagements);
    // Every command, in each language.
    const commands = ['help', 'language', ...createFeatures().flatMap((f) => (f.commands ?? []).map((c) => c.name))];
    for (const locale of ['ja', 'en'])
      for (const command of commands)
        expect(
          corpus.turns.some((e) => e.name.startsWith(`${locale} `) && e.name.split(': ')[1]?.split(' ')[0] === command),
          `${locale} ${command}`,
        ).toBe(true);
    // The longest reply is long (the 60 applications, the 85 people with roles, the 60 entries).
    expect(Math.max(...entries.map((e) => JSON.stringify(e.replies).length))).toBeGreaterThan(teamsMessageLimitBytes);
  });
});

describe('Teams: every reply as Adaptive Cards', () => {
  it('every card is a valid Adaptive Card 1.5 (official schema) and every message is under the size limit', () => {
    const failures: string[] = [];
    let messages = 0;
    for (const entry of entries) {
      for (const message of render(entry)) {
        messages++;
        for (const problem of messageProblems(message)) failures.push(`${entry.name}: ${problem}`);
      }
    }
    expect(messages).toBeGreaterThan(400);
    expect(failures.slice(0, 30)).toEqual([]);
  });

  it('every choice is still a button, in order', () => {
    for (const entry of entries) {
      const buttons = submitsOf(cardsOf(render(entry))).map((s) => s.data.deskAction);
      expect(buttons, entry.name).toEqual(choicesOf(entry.replies).map((c) => c.value));
    }
  });

  it('a reply too large for one message is split into several cards, each valid and under the limit, nothing lost', () => {
    // Longer than any list of the corpus: 150 engagements to choose from, with a long question, and a report of 400 rows.
    const question = `${'どの案件の時間ですか？'.repeat(30)}`;
    const many: Reply[] = [
      {
        kind: 'choices',
        text: question,
        choices: Array.from({ length: 150 }, (_, i) => ({ label: `株式会社サンプル${i}（タイ）`, value: `v${i}` })),
      },
      {
        kind: 'facts',
        title: '担当案件の支援時間',
        facts: Array.from({ length: 400 }, (_, i) => ({
          label: `#${i} 株式会社サンプル${i}（タイ）`,
          value: '16時間 ／ 17時間（残り 1時間）',
        })),
        meters: Array.from({ length: 150 }, (_, i) => ({
          label: `#${i} 株式会社サンプル（タイ）`,
          used: i % 17,
          total: 17,
          caption: `${i % 17}時間 / 17時間`,
        })),
      },
    ];
    const messages = renderReplies(many, translator('ja'), '29:recipient');
    expect(messages.length).toBeGreaterThan(4);
    for (const message of messages) expect(messageProblems(message)).toEqual([]);
    expect(submitsOf(cardsOf(messages)).map((s) => s.data.deskAction)).toEqual(
      many[0]!.kind === 'choices' ? many[0]!.choices.map((c) => c.value) : [],
    );
    const shown = JSON.stringify(cardsOf(messages));
    for (let i = 0; i < 400; i++) expect(shown).toContain(`#${i} 株式会社サンプル${i}（タイ）`);
    expect(shown).toContain('（続き 2/');
  });

  it('the card that replaces an answered question is valid too', () => {
    const failures: string[] = [];
    for (const entry of entries)
      for (const submit of submitsOf(cardsOf(render(entry))).slice(0, 5))
        for (const problem of messageProblems(
          cardMessage(answeredCard({ deskAction: submit.data.deskAction, label: submit.data.label, question: submit.data.question })),
        ))
          failures.push(`${entry.name}: ${problem}`);
    expect(failures).toEqual([]);
  });
});

describe('the Teams checks reject what Teams rejects', () => {
  const good = () => cardsOf(renderReplies([{ kind: 'text', text: 'ok' }], translator('ja')))[0]!;

  it('accepts a rendered card', () => {
    expect(cardProblems(good())).toEqual([]);
  });

  it('rejects an element Adaptive Cards 1.5 does not have, a missing required property, an unknown property and a wrong version', () => {
    expect(cardProblems({ ...good(), body: [{ type: 'Carousel', pages: [] }] }).join('\n')).toMatch(
      /Carousel is not an Adaptive Card 1\.5 element/,
    );
    expect(cardProblems({ ...good(), body: [{ type: 'TextBlock', wrap: true }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ ...good(), body: [{ type: 'TextBlock', text: 'x', colour: 'red' }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ ...good(), body: [{ type: 'FactSet', facts: [{ title: 'a' }] }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ ...good(), actions: [{ type: 'Action.Submit', title: 'x', style: 'loud' }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ ...good(), version: '1.6' })).toContain('version 1.6, not 1.5');
    expect(cardProblems({ ...good(), msteams: { width: 'Huge' } }).length).toBeGreaterThan(0);
  });

  it('rejects a message over the size limit', () => {
    const card = { ...good(), body: Array.from({ length: 200 }, () => ({ type: 'TextBlock', text: 'あ'.repeat(60), wrap: true })) };
    const message = cardMessage(card as AdaptiveCard);
    expect(activityBytes(message)).toBeGreaterThan(teamsMessageLimitBytes);
    expect(messageProblems(message).join('\n')).toMatch(/over Teams' 28672/);
  });
});
