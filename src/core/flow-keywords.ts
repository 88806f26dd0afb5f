/** Words that control a flow at any step, in Japanese and English (the vocabulary's `flowWords`). */
import { vocabulary } from '../i18n/vocabulary.ts';
import { normalizeText } from './text-normalize.ts';

export type FlowKeyword = 'back' | 'cancel' | 'restart' | 'help';

const keywords = Object.entries(vocabulary.flowWords).map(([k, words]) => [k as FlowKeyword, words.map(normalizeText)] as const);

export function flowKeyword(text: string): FlowKeyword | undefined {
  const t = normalizeText(text).replace(/[。.!！]+$/u, '');
  return keywords.find(([, words]) => words.includes(t))?.[0];
}
