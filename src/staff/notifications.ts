/**
 * What the applicant, the experts and staff are told when an application changes. Each message is worded
 * in the recipient's own language (the notifier renders it per person) and goes through the outbox.
 */
import type { Services } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import type { PipelineEvent } from '../applications/pipeline.ts';
import type { FormNumber } from '../applications/engagement-updates.ts';
import { text } from '../core/reply.ts';
import type { Locale } from '../i18n/catalog.ts';
import { formatHours, formatIsoDate, isoDateIn } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import { countryName } from './country-ref.ts';
import { personName, type NamedPerson } from '../core/person-name.ts';

type Deps = Pick<Services, 'notifier' | 'program'>;

function names(deps: Deps, a: ApplicationView, t: Translate, locale: Locale) {
  return {
    id: a.id,
    company: a.companyName,
    country: countryName(deps.program, a.country, locale),
    name: t('staff.application.name', { id: a.id, company: a.companyName, country: countryName(deps.program, a.country, locale) }),
  };
}

const notifyApplicant = async (deps: Deps, a: ApplicationView, render: (t: Translate, locale: Locale) => string): Promise<boolean> => {
  if (a.applicantId === null) return false;
  await deps.notifier.notify(a.applicantId, (t, locale) => [text(render(t, locale))]);
  return true;
};

/** Tells the applicant their application moved; returns whether there was an applicant to tell. */
export function notifyStatusChange(deps: Deps, a: ApplicationView, event: PipelineEvent, reason?: string): Promise<boolean> {
  return notifyApplicant(deps, a, (t, locale) => {
    const n = names(deps, a, t, locale);
    switch (event) {
      case 'receive':
        return t('staff.notify.received', n);
      case 'screen':
        return t('staff.notify.screening', n);
      case 'adopt':
        return t('staff.notify.adopted', {
          ...n,
          from: formatIsoDate(isoDateIn(a.adoptedAt ?? new Date(), deps.program.homeTimeZone), locale),
          to: formatIsoDate(deps.program.dates.supportEnds, locale),
          cap: formatHours(a.capMinutes, locale),
          form1: t('staff.form.1'),
          form2: t('staff.form.2'),
        });
      case 'reject':
        return t('staff.notify.rejected', { ...n, reason: reason ?? '' });
      case 'withdraw':
        return t('staff.notify.withdrawn', n);
      case 'close':
        return t('staff.notify.closed', n);
    }
  });
}

export function notifyFormsReceived(deps: Deps, a: ApplicationView, forms: FormNumber[]): Promise<boolean> {
  return notifyApplicant(deps, a, (t, locale) =>
    t('staff.notify.forms', { ...names(deps, a, t, locale), forms: forms.map((f) => t(`staff.form.${f}`)).join(t('staff.list.and')) }),
  );
}

export function notifyFollowUp(deps: Deps, a: ApplicationView, date: string): Promise<boolean> {
  return notifyApplicant(deps, a, (t, locale) =>
    t('staff.notify.followUp', { ...names(deps, a, t, locale), date: formatIsoDate(date, locale) }),
  );
}

/** An expert assigned or removed: the expert is told, and the applicant learns who their expert is. */
export async function notifyAssignment(deps: Deps, a: ApplicationView, expert: NamedPerson, assigned: boolean): Promise<void> {
  await deps.notifier.notify(expert.id, (t, locale) => {
    const n = names(deps, a, t, locale);
    return [
      text(
        assigned
          ? t('staff.notify.expertAssigned', {
              ...n,
              cap: formatHours(a.capMinutes, locale),
              used: formatHours(a.usedMinutes, locale),
              to: formatIsoDate(deps.program.dates.supportEnds, locale),
            })
          : t('staff.notify.expertRemoved', n),
      ),
    ];
  });
  if (assigned)
    await notifyApplicant(deps, a, (t, locale) =>
      t('staff.notify.applicantExpert', { ...names(deps, a, t, locale), expert: personName(t, expert) }),
    );
}

/** The engagement closed: its experts can no longer log hours on it. */
export async function notifyExpertsClosed(deps: Deps, a: ApplicationView, expertIds: number[]): Promise<void> {
  for (const id of expertIds)
    await deps.notifier.notify(id, (t, locale) => [text(t('staff.notify.expertClosed', names(deps, a, t, locale)))]);
}

/** An applicant withdrew: all staff are told. */
export function notifyStaffWithdrawn(deps: Deps, a: ApplicationView): Promise<void> {
  return deps.notifier.notifyRole('staff', (t, locale) => [text(t('staff.notify.staffWithdrawn', names(deps, a, t, locale)))]);
}
