/**
 * Messages to people outside the conversation they are in (status changes, reminders, budget alerts).
 * Each message is rendered in the recipient's language and put in the outbox; the outbox dispatcher
 * delivers it through whichever platform the person uses, retrying until it goes through.
 */
import type { Locale } from '../i18n/catalog.ts';
import { pickLocale, translator, type Translate } from '../i18n/translate.ts';
import type { Clock } from './clock.ts';
import { holdFiles, type HeldFileRepository } from './held-files.ts';
import type { OutboxRepository, PeopleRepository } from './ports.ts';
import type { Reply } from './reply.ts';
import type { Role } from './roles.ts';

export type RenderForRecipient = (t: Translate, locale: Locale) => Reply[];

export interface NotifyOptions {
  /** Deliver at this time, on the clock of the process that delivers it (reminders); default: at once, under any clock. */
  dueAt?: Date;
  /** Makes scheduling idempotent; also lets the message be cancelled before it is sent. */
  dedupeKey?: string;
}

export interface Notifier {
  notify(personId: number, render: RenderForRecipient, options?: NotifyOptions): Promise<void>;
  /** Notifies everyone holding `role` (e.g. all program staff). */
  notifyRole(role: Role, render: RenderForRecipient, options?: NotifyOptions): Promise<void>;
  cancel(dedupeKey: string): Promise<void>;
}

export function createNotifier(deps: {
  people: PeopleRepository;
  outbox: OutboxRepository;
  /** Files in a message are held for the recipient in the same transaction (see held-files.ts). */
  heldFiles: HeldFileRepository;
  clock: Clock;
  onEnqueued?: () => void;
}): Notifier {
  const notify: Notifier['notify'] = async (personId, render, options = {}) => {
    const person = await deps.people.findById(personId);
    if (!person) return;
    const locale = pickLocale(person.locale, person.platformLocale);
    const now = deps.clock.now();
    await deps.outbox.enqueue({
      personId,
      // A notice is due at once under any clock (null); its file is kept counting from when it is due.
      replies: await holdFiles(deps.heldFiles, personId, render(translator(locale), locale), now, options.dueAt ?? now),
      dueAt: options.dueAt ?? null,
      dedupeKey: options.dedupeKey,
    });
    deps.onEnqueued?.();
  };
  return {
    notify,
    async notifyRole(role, render, options = {}) {
      for (const person of await deps.people.listWithRole(role)) {
        await notify(person.id, render, options.dedupeKey ? { ...options, dedupeKey: `${options.dedupeKey}:${person.id}` } : options);
      }
    },
    cancel: (dedupeKey) => deps.outbox.cancel(dedupeKey),
  };
}
