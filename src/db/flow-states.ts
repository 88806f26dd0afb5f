/**
 * The flow states one unit of work has read or written, each with the version it had. The request log
 * reads the turn's flow state together with the person (one statement for both), and the conversation
 * repository answers from here and writes only if nobody changed the row since (compare-and-set on its
 * version): two clicks on one button, handled at once by two instances, cannot both move the flow on.
 */
import type { StoredFlowState } from '../core/ports.ts';

export interface KnownFlowState {
  /** The state as read (null: no row). */
  value: StoredFlowState | null;
  /** The row's version as read; null when there was no row. */
  version: number | null;
}

export class FlowStates {
  private readonly known = new Map<string, KnownFlowState>();

  /** `remember` false: nothing is kept (repositories used outside a transaction, where a read can be stale at once). */
  constructor(private readonly keep = true) {}

  get(identityKey: string, conversationKey: string): KnownFlowState | undefined {
    return this.known.get(keyOf(identityKey, conversationKey));
  }

  remember(identityKey: string, conversationKey: string, state: KnownFlowState): void {
    if (this.keep) this.known.set(keyOf(identityKey, conversationKey), state);
  }
}

// A separator that cannot occur in identity keys (validated as printable text).
const keyOf = (identityKey: string, conversationKey: string) => `${identityKey}\u0000${conversationKey}`;
