/** What a command, an action or a flow step sees of the message it is handling. */
import type { Inbound } from './inbound.ts';
import type { PersonView } from './roles.ts';
import type { Locale } from '../i18n/catalog.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Services } from './services.ts';
import type { Reply } from './reply.ts';

export interface Turn {
  inbound: Inbound;
  person: PersonView;
  locale: Locale;
  t: Translate;
  /** The injected clock's time when the message arrived. */
  now: Date;
  services: Services;
  /** Starts (or resumes) a step-by-step flow for this person in this conversation and returns its first question. */
  startFlow(flowId: string, initial?: unknown): Promise<Reply[]>;
}
