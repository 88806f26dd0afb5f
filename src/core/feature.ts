/** What a feature (eligibility, hours, booking, staff…) plugs into the core. */
import type { MessageKey } from '../i18n/catalog.ts';
import type { ActionValue } from './action-value.ts';
import type { FlowDefinition } from './flow.ts';
import type { Reply } from './reply.ts';
import type { Role } from './roles.ts';
import type { Turn } from './turn.ts';

export interface Command<P = unknown> {
  /** Canonical name, typed with or without a slash: `hours`. */
  name: string;
  /** Other words that run it (`時間`), compared after NFKC and lower-casing. */
  aliases?: readonly string[];
  /**
   * Who sees it in `help`. Authorization itself is checked when it runs, with its scope. A command for some
   * roles only answers the person alone in a shared conversation (see privacy.ts).
   */
  audience: 'everyone' | readonly Role[];
  /** Answers the person alone in a shared conversation although everyone may run it (`whoami`: about you); default: by `audience`. */
  private?: boolean;
  /** The syntax shown in help, e.g. `hours <duration> <note>`. */
  usage: string;
  summary: MessageKey;
  /** What `help` shows a role that uses the command differently (staff void hours that experts log). */
  roleHelp?: Partial<Record<Role, { usage: string; summary: MessageKey }>>;
  run(turn: Turn<P>, args: string): Promise<Reply[]>;
}

/** Handles button clicks whose value names it in `h`. */
export interface ActionHandler<P = unknown> {
  id: string;
  /** Its answers are public information, shown in a shared conversation; by default a click is answered privately (see privacy.ts). */
  public?: boolean;
  run(turn: Turn<P>, action: ActionValue): Promise<Reply[]>;
}

/**
 * A feature declares the ports it needs as `P` (e.g. `{ hours: HourLedgerRepository; applications: … }`): its
 * commands, actions and flows see them on `turn.services`, bound to the turn's transaction. The composition
 * root (src/app) provides them; the core knows only its own ports (services.ts).
 */
export interface Feature<P = unknown> {
  name: string;
  commands?: Command<P>[];
  actions?: ActionHandler<P>[];
  // `any`: each flow has its own data type, which `unknown` would not accept here (the step functions take it
  // as a parameter); the engine validates stored data with each flow's own `dataSchema` before using it.
  // biome-ignore lint/suspicious/noExplicitAny: flows of different data types share this list (see above)
  flows?: FlowDefinition<any, P>[];
  /** Answers a greeting ("hello", 「こんにちは」); the first feature that returns replies wins. */
  onGreeting?(turn: Turn<P>): Promise<Reply[] | undefined>;
  /** This feature's part of the person's dashboard (Slack App Home, Teams welcome card), for their roles. */
  home?(turn: Turn<P>): Promise<Reply[]>;
}
