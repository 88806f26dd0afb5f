/**
 * A tiny feature for the Teams adapter tests, independent of the real features: `pick` asks a question
 * with buttons (a one-step flow), `count` has a visible side effect, so a repeated delivery can be seen.
 */
import { z } from 'zod';
import type { Feature } from '../../src/core/feature.ts';
import { flowChoice, type FlowDefinition } from '../../src/core/flow.ts';
import { choices, facts, text } from '../../src/core/reply.ts';

export interface TestFeature {
  feature: Feature;
  /** What the feature did, in order: `count`, `picked:<fruit>`. */
  effects: string[];
}

export function createTestFeature(): TestFeature {
  const effects: string[] = [];
  const fruits: Record<string, string> = { apple: 'りんご', pear: 'なし' };
  const pick: FlowDefinition<{ fruit?: string }> = {
    id: 'pick',
    // Answered in a channel like the eligibility check (card buttons in channels are tested with it).
    public: true,
    dataSchema: z.object({ fruit: z.string().optional() }),
    start: () => ({}),
    firstStep: () => 'fruit',
    steps: {
      fruit: {
        ask: () => [
          choices(
            'どれにしますか？',
            Object.entries(fruits).map(([v, label]) => flowChoice('pick', 'fruit', v, label)),
          ),
        ],
        answer: (_turn, input) => {
          const value = input.value ?? Object.keys(fruits).find((k) => fruits[k] === input.text);
          return value && fruits[value] ? { ok: true, data: { fruit: value } } : { ok: false };
        },
      },
    },
    next: () => null,
    async finish(_turn, data) {
      effects.push(`picked:${data.fruit}`);
      return [text(`${fruits[data.fruit ?? ''] ?? '?'}を選びました。`)];
    },
  };
  return {
    effects,
    feature: {
      name: 'teams-test',
      flows: [pick],
      commands: [
        { name: 'pick', audience: 'everyone', usage: 'pick', summary: 'core.cmd.help', run: (turn) => turn.startFlow('pick') },
        {
          name: 'count',
          audience: 'everyone',
          usage: 'count',
          summary: 'core.cmd.help',
          async run() {
            effects.push('count');
            return [text(`count ${effects.filter((e) => e === 'count').length}`)];
          },
        },
        {
          name: 'meter',
          audience: 'everyone',
          usage: 'meter',
          summary: 'core.cmd.help',
          async run() {
            return [facts('残り時間', [{ label: '国', value: 'タイ' }], [{ label: 'タイ', used: 5, total: 17, caption: '5 / 17 時間' }])];
          },
        },
      ],
    },
  };
}
