/**
 * The statement cache given to Prisma's better-sqlite3 adapter client: one prepared statement per SQL
 * text, run with each query's own arguments, through the methods the adapter calls.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reusePreparedStatements } from '../../src/db/statement-cache.ts';

describe('reusePreparedStatements', () => {
  it('prepares each SQL text once and runs it with the arguments of each call', () => {
    const client = new Database(':memory:');
    client.defaultSafeIntegers(true);
    client.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    const prepared: string[] = [];
    const original = client.prepare.bind(client);
    client.prepare = ((sql: string) => (prepared.push(sql), original(sql))) as typeof client.prepare;
    reusePreparedStatements({ client });
    // What the adapter does: prepare(sql).bind(args), then run() for writes, reader/columns()/raw().all() for reads.
    type Bound = { reader: boolean; columns(): { name: string }[]; raw(): { all(): unknown[][] }; run(): { changes: number } };
    const query = (sql: string, args: unknown[]) => (client.prepare(sql) as unknown as { bind(a: unknown[]): Bound }).bind(args);

    for (const [id, name] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) expect(query('INSERT INTO t (id, name) VALUES (?, ?)', [id, name]).run().changes).toBe(1);
    const read = query('SELECT id, name FROM t WHERE id >= ? ORDER BY id', [2]);
    expect(read.reader).toBe(true);
    expect(read.columns().map((c) => c.name)).toEqual(['id', 'name']);
    expect(read.raw().all()).toEqual([[2n, 'b'], [3n, 'c']]);
    expect(query('SELECT id, name FROM t WHERE id >= ? ORDER BY id', [3]).raw().all()).toEqual([[3n, 'c']]);
    (client.prepare('BEGIN') as unknown as { run(): unknown }).run();
    (client.prepare('ROLLBACK') as unknown as { run(): unknown }).run();

    expect(prepared).toEqual(['INSERT INTO t (id, name) VALUES (?, ?)', 'SELECT id, name FROM t WHERE id >= ? ORDER BY id', 'BEGIN', 'ROLLBACK']);
    client.close();
  });

  it('leaves an adapter without a client as it is', () => {
    const adapter = { other: 1 };
    reusePreparedStatements(adapter);
    reusePreparedStatements(null);
    expect(adapter).toEqual({ other: 1 });
  });
});
