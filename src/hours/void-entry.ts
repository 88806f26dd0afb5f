/**
 * Taking an entry back: the expert's own last entry within the undo window (`hours undo`), or any entry by
 * program staff with a reason (`hours void <id> <reason>`). Voided entries stay, give their hours back and
 * are audited.
 */
import type { ActionHandler, Turn } from './needs.ts';
import { requireRole } from '../core/authorize.ts';
import { askToConfirm } from '../core/confirmation.ts';
import { error, text, type Reply } from '../core/reply.ts';
import type { Locale } from '../i18n/catalog.ts';
import type { Translate } from '../i18n/translate.ts';
import type { HourEntryView } from './ports.ts';
import { formatDuration, undoReason, voidReasonText } from './hours-words.ts';
import { engagementLabel } from './program-facts.ts';
import { personName } from '../core/person-name.ts';

async function engagementOf(turn: Turn, entry: HourEntryView): Promise<(t: Translate, locale: Locale) => string> {
  const app = await turn.services.applications.get(entry.applicationId);
  return (t, locale) => (app ? engagementLabel(app, turn.services.program, t, locale) : `#${entry.applicationId}`);
}

export async function undoLastEntry(turn: Turn): Promise<Reply[]> {
  const denied = await requireRole(turn, ['expert'], 'hours.undo');
  if (denied) return denied;
  const { services, t, now } = turn;
  const last = await services.hours.lastActiveOf(turn.person.id);
  if (!last) return [text(t('hours.undo.nothing'), true)];
  const windowHours = services.program.hoursLedger.undoWindowHours;
  if (now.getTime() - last.createdAt.getTime() > windowHours * 3_600_000) {
    return [error('undo_window', t('hours.undo.tooOld', { id: last.id, hours: windowHours }))];
  }
  const result = await services.hours.void({ entryId: last.id, voidedById: turn.person.id, reason: undoReason, at: now });
  if (result.status !== 'voided') return [text(t('hours.undo.nothing'), true)];
  await services.audit.record({
    actorId: turn.person.id,
    action: 'hours.voided',
    subjectType: 'hourEntry',
    subjectId: last.id,
    details: { applicationId: last.applicationId, minutes: last.minutes, reason: undoReason, usedMinutes: result.usedMinutes },
  });
  return [
    text(
      t('hours.undo.done', {
        id: last.id,
        duration: formatDuration(last.minutes, t),
        note: last.note,
        engagement: (await engagementOf(turn, last))(t, turn.locale),
        remaining: formatDuration(Math.max(0, result.capMinutes - result.usedMinutes), t),
      }),
    ),
  ];
}

/** The longest reason for voiding: it travels in the confirmation's button. */
const maxVoidReason = 300;
export const voidActionId = 'hours.void';

/** `hours void <id> <reason>` (staff): taking hours back cannot be undone, so it asks first and says who is told. */
export async function staffVoid(turn: Turn, args: string): Promise<Reply[]> {
  const denied = await requireRole(turn, ['staff'], 'hours.void');
  if (denied) return denied;
  const { services, t } = turn;
  const m = /^#?(\d{1,9})\s+([\s\S]+)$/.exec(args.trim());
  if (!m) return [error('usage', t('hours.void.usage'))];
  const entryId = Number(m[1]);
  const reason = m[2]!.trim();
  if (reason.length > maxVoidReason) return [error('too_long', t('hours.void.tooLong', { max: maxVoidReason }))];
  const entry = await services.hours.get(entryId);
  if (!entry) return [error('not_found', t('hours.void.notFound', { id: entryId }))];
  if (entry.voidedAt)
    return [error('already_voided', t('hours.void.already', { id: entryId, reason: voidReasonText(entry.voidReason, t) }))];
  const engagement = await engagementOf(turn, entry);
  const expert =
    entry.expertId === turn.person.id ? t('hours.void.you') : personName(t, { id: entry.expertId, displayName: entry.expertName });
  return askToConfirm(turn, {
    action: { h: voidActionId, v: `${entryId}:${reason}` },
    question: t('hours.void.question', {
      id: entry.id,
      duration: formatDuration(entry.minutes, t),
      note: entry.note,
      engagement: engagement(t, turn.locale),
      expert,
      reason,
    }),
    yes: t('hours.void.confirm'),
    no: t('hours.void.keep'),
  });
}

/** The confirmed void: the entry is marked, its hours go back, the expert is told. */
async function voidConfirmed(turn: Turn, entryId: number, reason: string): Promise<Reply[]> {
  const denied = await requireRole(turn, ['staff'], 'hours.void');
  if (denied) return denied;
  const { services, t, now } = turn;
  const result = await services.hours.void({ entryId, voidedById: turn.person.id, reason, at: now });
  if (result.status === 'not_found') return [error('not_found', t('hours.void.notFound', { id: entryId }))];
  if (result.status === 'already_voided')
    return [error('already_voided', t('hours.void.already', { id: entryId, reason: voidReasonText(result.entry.voidReason, t) }))];

  const { entry } = result;
  await services.audit.record({
    actorId: turn.person.id,
    action: 'hours.voided',
    subjectType: 'hourEntry',
    subjectId: entry.id,
    details: { applicationId: entry.applicationId, minutes: entry.minutes, reason, usedMinutes: result.usedMinutes },
  });
  const engagement = await engagementOf(turn, entry);
  if (entry.expertId !== turn.person.id) {
    await services.notifier.notify(entry.expertId, (tr, locale) => [
      text(
        tr('hours.notify.voided', {
          id: entry.id,
          duration: formatDuration(entry.minutes, tr),
          note: entry.note,
          engagement: engagement(tr, locale),
          reason,
        }),
      ),
    ]);
  }
  return [
    text(
      t('hours.void.done', {
        id: entry.id,
        duration: formatDuration(entry.minutes, t),
        engagement: engagement(t, turn.locale),
        reason,
        remaining: formatDuration(Math.max(0, result.capMinutes - result.usedMinutes), t),
      }),
    ),
  ];
}

/** The confirmation's button: `<entry id>:<reason>`. */
export const voidAction: ActionHandler = {
  id: voidActionId,
  async run(turn, action) {
    const m = /^(\d{1,9}):([\s\S]{1,400})$/.exec(action.v);
    if (!m) return [error('bad_button', turn.t('core.error.badButton'))];
    return voidConfirmed(turn, Number(m[1]), m[2]!.trim());
  },
};
