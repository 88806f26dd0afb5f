/**
 * One turn, one transaction. Everything a turn changes (the request's record and replies, the domain change,
 * its audit entries, the outbox messages it schedules, the flow state) is written through repositories bound
 * to one database transaction, which commits whole or not at all; replies leave only after the commit.
 * src/db implements it; the composition root says which repositories a scope holds.
 */
export interface UnitOfWork<Scope> {
  /**
   * Runs `work` in one transaction with repositories bound to it. Resolves with its result once committed;
   * rejects (and nothing it wrote stays) when `work` or the commit fails. Callbacks registered with the
   * scope's `afterCommit` run once the commit succeeded.
   */
  run<T>(work: (scope: Scope) => Promise<T>): Promise<T>;
}

/** What a scope offers beyond its repositories: work to do once its transaction committed. */
export interface CommitHooks {
  /** Runs `callback` after the transaction committed (never when it rolls back); its failure is only logged. */
  afterCommit(callback: () => void): void;
}

/**
 * Another turn changed what this one read and meant to change (two clicks on one button handled at once
 * by two instances): the transaction is rolled back and the turn runs again from what the other one left.
 */
export class TurnConflictError extends Error {
  readonly code = 'TURN_CONFLICT';
  constructor(what: string) {
    super(`concurrent change: ${what}`);
  }
}
