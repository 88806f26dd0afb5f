/**
 * What a command, an action or a flow step sees of the message it is handling. `P`: the ports of the feature
 * handling it (see `Feature<P>`), bound to the turn's transaction next to the core's own.
 */
import type { Inbound } from './inbound.ts';
import type { PersonView } from './roles.ts';
import type { Locale } from '../i18n/catalog.ts';
import type { Translate } from '../i18n/translate.ts';
import type { CoreServices } from './services.ts';
import type { Reply } from './reply.ts';

export interface Turn<P = unknown> {
  inbound: Inbound;
  person: PersonView;
  locale: Locale;
  t: Translate;
  /** The injected clock's time when the message arrived. */
  now: Date;
  services: CoreServices & P;
  /** Starts (or resumes) a step-by-step flow for this person in this conversation and returns its first question. */
  startFlow(flowId: string, initial?: unknown): Promise<Reply[]>;
}
