/**
 * What a turn costs the database, counted at the driver (not estimated): the busiest command, logging
 * hours, is one transaction of a handful of statements, and a repeated request is one read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StatementCounter } from '../../src/db/statement-probe.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { engagement } from '../hours/engagements.ts';

let tb: TestBot;
afterEach(() => tb.close());

const statements: string[] = [];
const counter = new StatementCounter();
const probe = {
  beforeStatement(sql: string) {
    counter.beforeStatement(sql);
    statements.push(sql.replace(/\s+/g, ' ').trim().slice(0, 80));
  },
};

describe('statements per turn', () => {
  it('logs hours in one transaction of six statements, and answers a repeated request with one read', async () => {
    tb = await createTestBot({ probe });
    await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'] });
    await tb.say('bob', 'help'); // bob has talked to the bot before: his identity exists
    const input = {
      platform: 'console' as const,
      identity: { key: 'console:bob', userId: 'bob', displayName: 'bob' },
      conversation: { key: 'console:bob', isDirect: true },
      text: 'hours 2 review NDA',
      isCommand: true,
      idempotencyKey: 'count-1',
    };
    counter.reset();
    statements.length = 0;
    const first = await tb.handle(input);
    expect(first.replies[0]).toMatchObject({ kind: 'facts' });
    expect({ transactions: counter.transactions, commits: counter.commits }).toEqual({ transactions: 1, commits: 1 });
    const data = statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)\b/.test(s));
    expect(data, data.join('\n')).toHaveLength(6);

    counter.reset();
    const again = await tb.handle(input);
    expect(again.duplicate).toBe(true);
    expect({ transactions: counter.transactions, statements: counter.statements - 2 }).toEqual({ transactions: 1, statements: 1 });
  });
});
