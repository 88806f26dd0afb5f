/** Words that control a flow at any step, in Japanese and English. */
import { normalizeText } from './text-normalize.ts';

export type FlowKeyword = 'back' | 'cancel' | 'restart' | 'help';

const keywords: Record<FlowKeyword, readonly string[]> = {
  back: ['back', '戻る', 'もどる', '前へ', '戻って'],
  cancel: ['cancel', 'stop', 'quit', 'キャンセル', '中止', 'やめる', '止める'],
  restart: ['restart', 'start over', '最初から', 'やり直し', 'やりなおし'],
  help: ['help', '?', 'ヘルプ', '助けて', 'たすけて'],
};

export function flowKeyword(text: string): FlowKeyword | undefined {
  const t = normalizeText(text);
  for (const [k, words] of Object.entries(keywords) as [FlowKeyword, readonly string[]][]) {
    if (words.includes(t)) return k;
  }
  return undefined;
}
