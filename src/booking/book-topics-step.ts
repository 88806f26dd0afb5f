/** The `book` flow's training topics question: several topics, toggled with buttons or typed as numbers. */
import { flowChoice, type FlowInput, type FlowStep, type StepOutcome } from '../core/flow.ts';
import { choices, text, type Reply } from '../core/reply.ts';
import type { Turn } from '../core/turn.ts';
import { menuToTopics } from './booking.ts';
import { audienceLabel } from './booking-labels.ts';
import { bookFlowId, clip, type BookData } from './book-flow-data.ts';

function topicsQuestion(turn: Turn, data: BookData): Reply[] {
  const { t, locale, services } = turn;
  const lines = services.program.trainingTopics.map((tp) => `${tp.number}. ${tp.title[locale]}（${audienceLabel(tp.audiences, t)}）`);
  const buttons = services.program.trainingTopics.map((tp) =>
    flowChoice(bookFlowId, 'topics', `toggle:${tp.number}`, clip(`${data.topics.includes(tp.number) ? '☑' : '☐'} ${tp.number}. ${tp.title[locale]}`)),
  );
  buttons.push(flowChoice(bookFlowId, 'topics', 'done', t('booking.topics.done', { count: data.topics.length }), 'primary'));
  return [choices([t('booking.topics.question'), ...lines, '', t('booking.topics.hint')].join('\n'), buttons)];
}

function answerTopics(turn: Turn, input: FlowInput, data: BookData): StepOutcome<BookData> {
  const known = new Set(turn.services.program.trainingTopics.map((tp) => tp.number));
  const toggle = /^toggle:(\d+)$/.exec(input.value ?? '');
  if (toggle && known.has(Number(toggle[1]))) {
    const n = Number(toggle[1]);
    const topics = data.topics.includes(n) ? data.topics.filter((x) => x !== n) : [...data.topics, n].sort((a, b) => a - b);
    return { ok: true, data: { ...data, topics }, goTo: 'topics' };
  }
  if (input.value === 'done') {
    if (data.topics.length === 0) return { ok: false, replies: [text(turn.t('booking.topics.noneChosen'))] };
    return { ok: true, data };
  }
  // Typed numbers: `1,4,5`, `1 4 5`, `1、4、5`.
  const typed = (input.text ?? '').split(/[\s,、，・]+/).filter(Boolean);
  const numbers = typed.map(Number);
  if (typed.length === 0 || numbers.some((n) => !known.has(n))) return { ok: false, replies: [text(turn.t('booking.topics.invalid', { max: Math.max(...known) }))] };
  return { ok: true, data: { ...data, topics: menuToTopics(numbers.join(',')) } };
}

export const topicsStep: FlowStep<BookData> = { ask: topicsQuestion, answer: answerTopics };
