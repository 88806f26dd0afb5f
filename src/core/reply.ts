/** The neutral replies of the core; each adapter renders them in its platform's format. Text is plain (adapters escape it). */

export interface Choice {
  label: string;
  /** An encoded action value (see action-value.ts). */
  value: string;
  style?: 'primary' | 'danger';
  /** Other words that pick this choice when typed (「現地法人」, 'subsidiary'), from the vocabulary or the program. Not shown. */
  words?: readonly string[];
  /** This choice is the answer yes (or no): any typed form of yes or no picks it (「もちろん」, 👍, 'I agree'). */
  means?: 'yes' | 'no';
}

export interface Fact {
  label: string;
  value: string;
}

/** A labelled progress bar (hours used against a cap, adopted against a target). */
export interface Meter {
  label: string;
  used: number;
  total: number;
  /** Text shown beside the bar, already formatted. */
  caption: string;
}

/**
 * Who may see a reply besides the person it answers. `ephemeral`: only they need it (a hint, "unknown
 * command"): shown to them alone where the platform can, else in the conversation. `private`: nobody else may
 * see it (company data, staff answers): shown to them alone, and where the platform cannot do that in a
 * shared conversation, sent to their personal chat with the bot instead. The core sets `private` (see
 * privacy.ts); it is recorded with the replies, so a repeated delivery is answered privately too.
 */
interface Visibility {
  private?: boolean;
}

export type Reply = Visibility &
  (
    | { kind: 'text'; text: string; ephemeral?: boolean }
    | { kind: 'choices'; text: string; choices: Choice[]; ephemeral?: boolean }
    | { kind: 'facts'; title: string; facts: Fact[]; meters?: Meter[]; ephemeral?: boolean }
    | { kind: 'error'; code: string; text: string }
    | {
        kind: 'file';
        filename: string;
        mimeType: string;
        content: string;
        title: string;
        /** The id under which the file is held for its recipient (see held-files.ts), set when the reply is recorded. */
        heldId?: string;
      }
  );

export const text = (t: string, ephemeral?: boolean): Reply => ({ kind: 'text', text: t, ephemeral });
export const choices = (t: string, options: Choice[], ephemeral?: boolean): Reply => ({
  kind: 'choices',
  text: t,
  choices: options,
  ephemeral,
});
export const facts = (title: string, list: Fact[], meters?: Meter[]): Reply => ({ kind: 'facts', title, facts: list, meters });
export const error = (code: string, t: string): Reply => ({ kind: 'error', code, text: t });
