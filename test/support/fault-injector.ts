/** Makes the N-th SQL statement after `arm(n)` fail, for fault-injection tests (see StatementProbe). */
import type { StatementProbe } from '../../src/db/statement-probe.ts';

/** The failure the injector raises: not a transient one, so the bot does not run the turn again. */
export class InjectedFault extends Error {
  constructor(readonly statement: string) {
    super(`injected fault before: ${statement.replace(/\s+/g, ' ').slice(0, 80)}`);
  }
}

export class FaultInjector implements StatementProbe {
  private failAt: number | null = null;
  /** Statements seen since `arm`. */
  seen = 0;
  /** The statement that was made to fail, if any. */
  failed: string | null = null;

  /** Fails the `n`-th statement from now (1 = the next one). */
  arm(n: number): void {
    this.failAt = n;
    this.seen = 0;
    this.failed = null;
  }

  disarm(): void {
    this.failAt = null;
  }

  beforeStatement(sql: string): void {
    if (this.failAt === null) return;
    this.seen++;
    if (this.seen === this.failAt) {
      this.failed = sql;
      throw new InjectedFault(sql);
    }
  }
}
