/**
 * A tiny feature for testing the core and the adapters without depending on a real feature: `order` starts
 * a two-step flow (a fruit, then yes/no) with buttons. Its texts are test fixtures, not user-facing.
 */
import { z } from 'zod';
import type { Feature } from '../../src/core/feature.ts';
import { flowChoice, type FlowDefinition } from '../../src/core/flow.ts';
import { choices, text } from '../../src/core/reply.ts';

const data = z.object({ fruit: z.string().optional(), confirmed: z.boolean().optional() });
type OrderData = z.infer<typeof data>;
const fruits = ['apple', 'banana', 'cherry'];

export const orderFlow: FlowDefinition<OrderData> = {
  id: 'order',
  dataSchema: data,
  start: () => ({}),
  firstStep: () => 'fruit',
  steps: {
    fruit: {
      ask: () => [
        choices(
          'Which fruit?',
          fruits.map((f) => flowChoice('order', 'fruit', f, f)),
        ),
      ],
      answer: (_turn, input, d) => {
        const v = (input.value ?? input.text ?? '').toLowerCase();
        return fruits.includes(v) ? { ok: true, data: { ...d, fruit: v } } : { ok: false };
      },
    },
    confirm: {
      ask: (_turn, d) => [
        choices(`Order ${d.fruit}?`, [flowChoice('order', 'confirm', 'yes', 'yes'), flowChoice('order', 'confirm', 'no', 'no')]),
      ],
      answer: (_turn, input, d) => {
        const v = (input.value ?? input.text ?? '').toLowerCase();
        return v === 'yes' || v === 'no' ? { ok: true, data: { ...d, confirmed: v === 'yes' } } : { ok: false };
      },
    },
  },
  next: (_turn, step) => (step === 'fruit' ? 'confirm' : null),
  finish: async (_turn, d) => [text(d.confirmed ? `Ordered ${d.fruit} <!channel>` : 'Not ordered')],
  help: () => [text('Pick a fruit you like.')],
};

export const sampleFeature: Feature = {
  name: 'sample',
  commands: [{ name: 'order', audience: 'everyone', usage: 'order', summary: 'core.cmd.help', run: (turn) => turn.startFlow('order') }],
  flows: [orderFlow],
};
