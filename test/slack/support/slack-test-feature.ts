/**
 * A test-only feature for the Slack adapter tests: commands that echo, count, answer privately, show facts with a
 * meter, export a file, and a dashboard with a button. With test/support/sample-feature.ts (the `order`
 * flow with buttons). Its texts are fixtures, not user-facing.
 */
import { encodeAction } from '../../../src/core/action-value.ts';
import type { Command, Feature } from '../../../src/core/feature.ts';
import { choices, facts, text } from '../../../src/core/reply.ts';
import { sampleFeature } from '../../support/sample-feature.ts';

const command = (name: string, run: Command['run']): Command => ({
  name,
  audience: 'everyone',
  usage: `${name} …`,
  summary: 'core.cmd.help',
  run,
});

// How many times `count` ran in this test file: a command with an effect, to tell "handled once" from "handled twice".
let counted = 0;

export const slackTestFeature: Feature = {
  name: 'slack-test',
  commands: [
    command('echo', async (_turn, args) => [text(`echo: ${args}`)]),
    command('hours', async (_turn, args) => [text(`logged: ${args}`)]),
    command('count', async () => [text(`count: ${++counted}`)]),
    command('secret', async () => [text('only for you', true)]),
    command('two', async () => [text('first, only for you', true), text('second, for everyone')]),
    // Takes as long as asked (ms): a turn slower than Slack's acknowledgement window.
    command('slow', async (_turn, args) => {
      await new Promise((resolve) => setTimeout(resolve, Number(args)));
      return [text(`slow: ${args}`)];
    }),
    command('stats', async () => [
      facts(
        'Budget',
        [
          { label: 'Used', value: '3 h' },
          { label: 'Left', value: '7 h' },
        ],
        [{ label: 'Thailand', used: 3, total: 10, caption: '3 / 10 h' }],
      ),
    ]),
    command('export', async () => [
      text('Here is the export.'),
      { kind: 'file', filename: 'hours.csv', mimeType: 'text/csv', content: 'date,hours\n2021-09-01,2\n', title: 'Hours' },
    ]),
  ],
  actions: [{ id: 'hello', run: async (_turn, action) => [text(`Hello from home (${action.v})`)] }],
  home: async (turn) => [
    text(`Dashboard of ${turn.person.displayName || turn.inbound.identity.userId}`),
    choices('Try it:', [{ label: 'Say hello', value: encodeAction({ h: 'hello', v: 'home' }) }]),
  ],
};

export const slackTestFeatures: Feature[] = [sampleFeature, slackTestFeature];
