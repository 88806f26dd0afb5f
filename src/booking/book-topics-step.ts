/** The `book` flow's training topics question: several topics, toggled with buttons or typed as numbers. */
import type { FlowStep, Turn } from './needs.ts';
import { flowChoice, type FlowInput, type StepOutcome } from '../core/flow.ts';
import { choices, text, type Reply } from '../core/reply.ts';
import { readNumberList } from '../core/typed-numbers.ts';
import { answerKey, cleanAnswer, fold, scanPhrases } from '../core/typed-text.ts';
import { vocabulary } from '../i18n/vocabulary.ts';
import { menuToTopics } from './booking.ts';
import { audienceLabel } from './booking-labels.ts';
import { bookFlowId, clip, type BookData } from './book-flow-data.ts';

function topicsQuestion(turn: Turn, data: BookData): Reply[] {
  const { t, locale, services } = turn;
  const lines = services.program.trainingTopics.map((tp) => `${tp.number}. ${tp.title[locale]}（${audienceLabel(tp.audiences, t)}）`);
  const buttons = services.program.trainingTopics.map((tp) =>
    flowChoice(
      bookFlowId,
      'topics',
      `toggle:${tp.number}`,
      clip(`${data.topics.includes(tp.number) ? '☑' : '☐'} ${tp.number}. ${tp.title[locale]}`),
    ),
  );
  buttons.push({
    ...flowChoice(bookFlowId, 'topics', 'done', t('booking.topics.done', { count: data.topics.length }), 'primary'),
    words: vocabulary.choices.done,
  });
  return [choices([t('booking.topics.question'), ...lines, '', t('booking.topics.hint')].join('\n'), buttons)];
}

/** Topic titles and the words for them (the program's), folded, for finding topics named in a typed answer. */
function topicPhrases(turn: Turn) {
  return turn.services.program.trainingTopics.flatMap((tp) =>
    [tp.title.ja, tp.title.en, ...tp.aliases].map((w) => ({ phrase: fold(w), kind: tp.number })),
  );
}

/**
 * Topics typed: numbers, ranges and lists (「1-3」, 「1〜3と5」, 「一、三、五」, '1 to 3'), 「全部」, and titles or their
 * words (「判例」, 'court cases'). Undefined when any part names no topic.
 */
export function readTopics(turn: Turn, typed: string): number[] | undefined {
  const known = turn.services.program.trainingTopics.map((tp) => tp.number);
  let text = cleanAnswer(typed);
  const named = new Set<number>();
  for (const hit of scanPhrases(text, topicPhrases(turn)).reverse()) {
    named.add(hit.kind);
    text = `${text.slice(0, hit.index)} ${text.slice(hit.index + hit.phrase.length)}`;
  }
  const list = readNumberList(text);
  if (list.all) return known;
  if (list.rest !== '') return undefined;
  const numbers = [...named, ...list.numbers];
  if (numbers.length === 0 || numbers.some((n) => !known.includes(n))) return undefined;
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function answerTopics(turn: Turn, input: FlowInput, data: BookData): StepOutcome<BookData> {
  const known = new Set(turn.services.program.trainingTopics.map((tp) => tp.number));
  const toggle = /^toggle:(\d+)$/.exec(input.value ?? '');
  if (toggle && known.has(Number(toggle[1]))) {
    const n = Number(toggle[1]);
    const topics = data.topics.includes(n) ? data.topics.filter((x) => x !== n) : [...data.topics, n].sort((a, b) => a - b);
    return { ok: true, data: { ...data, topics }, goTo: 'topics' };
  }
  const done =
    input.value === 'done' || (input.text !== undefined && vocabulary.choices.done.some((w) => answerKey(w) === answerKey(input.text!)));
  if (done) {
    if (data.topics.length === 0) return { ok: false, replies: [text(turn.t('booking.topics.noneChosen'))] };
    return { ok: true, data };
  }
  const topics = input.text === undefined ? undefined : readTopics(turn, input.text);
  if (!topics) return { ok: false, replies: [text(turn.t('booking.topics.invalid', { max: Math.max(...known) }))] };
  return { ok: true, data: { ...data, topics: menuToTopics(topics.join(',')) } };
}

export const topicsStep: FlowStep<BookData> = {
  ask: topicsQuestion,
  answer: answerTopics,
  // 「1-3」 and 「4」 are topic numbers, not the numbers of the buttons; a typed list is a whole answer.
  readsNumbers: true,
  readsTextFirst: true,
};
