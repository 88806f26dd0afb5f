/** Logs a read entry on a chosen engagement and answers: confirmation or refusal, plus the cap-reached notices. */
import type { Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { Reply } from '../core/reply.ts';
import { capReachedForApplicant, capReachedForStaff, confirmation, refusal } from './hours-words.ts';
import { isAccepted, logHours, type PendingEntry } from './log-hours.ts';

export async function submitEntry(
  turn: Turn,
  application: ApplicationView,
  pending: PendingEntry,
  inferred: { matched: boolean },
): Promise<Reply[]> {
  const { services } = turn;
  const outcome = await logHours(services, turn.person, application, pending, turn.now);
  if (!isAccepted(outcome)) return refusal(turn, outcome);

  if (outcome.capReached) {
    const app = { ...outcome.application, usedMinutes: outcome.usedMinutes, capMinutes: outcome.capMinutes };
    // Keyed by the entry that reached the cap: one notice per entry, whatever runs the turn again.
    const dedupeKey = `hours-cap:${app.id}:${outcome.entry.id}`;
    await services.notifier.notifyRole('staff', capReachedForStaff(services.program, app, outcome.entry), { dedupeKey });
    if (app.applicantId !== null)
      await services.notifier.notify(app.applicantId, capReachedForApplicant(services.program, app), {
        dedupeKey: `${dedupeKey}:applicant`,
      });
  }
  return confirmation(turn, outcome, inferred);
}
