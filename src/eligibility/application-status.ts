/** An applicant's view of their company's applications: status and the dates that matter. */
import type { Turn } from './needs.ts';
import type { ApplicationView } from '../applications/application.ts';
import { facts, text, type Fact, type Reply } from '../core/reply.ts';
import { formatIsoDate, isoDateIn } from '../i18n/format.ts';
import { countryName } from './place-names.ts';

/** The companies this person applies for, from their applicant grants. */
export function applicantCompanyIds(turn: Turn): number[] {
  const ids = turn.person.roles.flatMap((g) => (g.role === 'applicant' && g.companyId !== null ? [g.companyId] : []));
  return [...new Set(ids)];
}

/** The applications of the person's companies, in the order they were made. */
export async function applicantApplications(turn: Turn): Promise<ApplicationView[]> {
  const lists = await Promise.all(applicantCompanyIds(turn).map((id) => turn.services.applications.listForCompany(id)));
  return lists.flat().sort((a, b) => a.id - b.id);
}

export function statusLabel(turn: Turn, application: ApplicationView): string {
  return turn.t(`eligibility.status.${application.status}`);
}

function day(turn: Turn, at: Date): string {
  return formatIsoDate(isoDateIn(at, turn.services.program.homeTimeZone), turn.locale);
}

/** One application as a card: status, dates, and what the applicant has to do next. */
export function applicationFacts(turn: Turn, application: ApplicationView): Reply {
  const { program } = turn.services;
  const list: Fact[] = [
    { label: turn.t('eligibility.status.label.status'), value: statusLabel(turn, application) },
    { label: turn.t('eligibility.status.label.applied'), value: day(turn, application.appliedAt) },
  ];
  const dated: [Date | null, Parameters<Turn['t']>[0]][] = [
    [application.receivedAt, 'eligibility.status.label.received'],
    [application.screeningAt, 'eligibility.status.label.screening'],
    [
      application.adoptedAt ?? application.decidedAt,
      application.adoptedAt ? 'eligibility.status.label.adopted' : 'eligibility.status.label.decided',
    ],
    [application.closedAt, 'eligibility.status.label.closed'],
  ];
  for (const [at, label] of dated) if (at) list.push({ label: turn.t(label), value: day(turn, at) });
  if (application.status === 'adopted') {
    list.push({
      label: turn.t('eligibility.status.label.period'),
      value: turn.t('eligibility.result.periodValue', { date: formatIsoDate(program.dates.supportEnds, turn.locale) }),
    });
    const missing = [
      application.form1ReceivedAt ? undefined : turn.t('eligibility.status.form1'),
      application.form2ReceivedAt ? undefined : turn.t('eligibility.status.form2'),
    ].filter((f): f is string => f !== undefined);
    list.push({
      label: turn.t('eligibility.status.label.forms'),
      value: missing.length
        ? turn.t('eligibility.status.formsMissing', { forms: missing.join(' / ') })
        : turn.t('eligibility.status.formsDone'),
    });
  }
  const title = turn.t('eligibility.status.title', {
    company: application.companyName,
    country: countryName(program, application.country, turn.locale),
    id: application.id,
  });
  return facts(title, list);
}

/** The person's applications as cards (of one of their companies when `companyName` names it), and their requests to join waiting. */
export async function statusReplies(turn: Turn, companyName = ''): Promise<Reply[]> {
  const waiting = (await turn.services.memberships.pendingOf(turn.person.id)).map((r) =>
    text(turn.t('membership.status.waiting', { company: r.requestedName, id: r.id }), true),
  );
  let applications = await applicantApplications(turn);
  if (companyName.trim() !== '') {
    // Only the person's own companies can be named: any other name reads as "not one of yours", whether it exists or not.
    const company = await turn.services.applications.findCompany(companyName.trim());
    if (!company || !applicantCompanyIds(turn).includes(company.id))
      return [text(turn.t('eligibility.status.notYours', { company: companyName.trim() }), true)];
    applications = applications.filter((a) => a.companyId === company.id);
  }
  if (applications.length === 0) return waiting.length ? waiting : [text(turn.t('eligibility.status.none'), true)];
  return [text(turn.t('eligibility.status.intro')), ...applications.map((a) => applicationFacts(turn, a)), ...waiting];
}
