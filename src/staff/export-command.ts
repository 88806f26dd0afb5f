/** `export hours` / `export applications`: CSV files for staff (Excel-ready, see csv.ts), delivered in chat. */
import type { Command, Turn } from './needs.ts';
import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import { requireRole } from '../core/authorize.ts';
import { error, type Reply } from '../core/reply.ts';
import { normalizeText } from '../core/text-normalize.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { isoDateIn } from '../i18n/format.ts';
import { countryName } from './country-ref.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { personName, statusLabel } from './words.ts';

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function stamp(turn: Turn, at: Date | null): string {
  return at ? format(new TZDate(at, turn.services.program.homeTimeZone), 'yyyy-MM-dd HH:mm') : '';
}

function csvFile(turn: Turn, kind: 'hours' | 'applications', header: MessageKey[], rows: CsvCell[][]): Reply {
  const date = format(new TZDate(turn.now, turn.services.program.homeTimeZone), 'yyyyMMdd');
  return {
    kind: 'file',
    filename: `${kind}-${date}.csv`,
    mimeType: 'text/csv',
    content: toCsv(
      header.map((k) => turn.t(k)),
      rows,
    ),
    title: turn.t(kind === 'hours' ? 'staff.export.hoursTitle' : 'staff.export.applicationsTitle', { count: rows.length }),
  };
}

async function exportHours(turn: Turn): Promise<Reply> {
  const { program, staffReports } = turn.services;
  const entries = await staffReports.hourEntries();
  const category = (code: string) => program.hourCategories.find((c) => c.code === code)?.name[turn.locale] ?? code;
  const rows = entries.map((e) => [
    e.id,
    e.applicationId,
    e.companyName,
    countryName(program, e.country, turn.locale),
    personName(turn, { id: e.expertId, displayName: e.expertName }),
    e.workDate,
    hoursOf(e.minutes),
    category(e.category),
    e.note,
    stamp(turn, e.createdAt),
    stamp(turn, e.voidedAt),
    e.voidReason ?? '',
  ]);
  return csvFile(
    turn,
    'hours',
    [
      'staff.csv.entry',
      'staff.csv.application',
      'staff.csv.company',
      'staff.csv.country',
      'staff.csv.expert',
      'staff.csv.workDate',
      'staff.csv.hours',
      'staff.csv.category',
      'staff.csv.note',
      'staff.csv.loggedAt',
      'staff.csv.voidedAt',
      'staff.csv.voidReason',
    ],
    rows,
  );
}

async function exportApplications(turn: Turn): Promise<Reply> {
  const { program, applications, staffReports } = turn.services;
  const all = await applications.list();
  const [experts, applicants] = await Promise.all([
    staffReports.assignedExperts(),
    staffReports.namesOf(all.flatMap((a) => (a.applicantId === null ? [] : [a.applicantId]))),
  ]);
  const rows = all.map((a) => [
    a.id,
    a.companyName,
    countryName(program, a.country, turn.locale),
    statusLabel(turn, a.status),
    a.applicantId === null ? '' : personName(turn, { id: a.applicantId, displayName: applicants.get(a.applicantId) ?? '' }),
    stamp(turn, a.appliedAt),
    stamp(turn, a.receivedAt),
    stamp(turn, a.screeningAt),
    stamp(turn, a.decidedAt),
    stamp(turn, a.adoptedAt),
    hoursOf(a.capMinutes),
    hoursOf(a.usedMinutes),
    hoursOf(a.reservedMinutes),
    hoursOf(Math.max(0, a.capMinutes - a.usedMinutes)),
    hoursOf(a.priorUseMinutes),
    stamp(turn, a.form1ReceivedAt),
    stamp(turn, a.form2ReceivedAt),
    (experts.get(a.id) ?? []).map((p) => personName(turn, p)).join(' / '),
    a.channelKey ?? '',
    a.followUpAt ? isoDateIn(a.followUpAt, program.homeTimeZone) : '',
    stamp(turn, a.closedAt),
  ]);
  return csvFile(
    turn,
    'applications',
    [
      'staff.csv.application',
      'staff.csv.company',
      'staff.csv.country',
      'staff.csv.status',
      'staff.csv.applicant',
      'staff.csv.appliedAt',
      'staff.csv.receivedAt',
      'staff.csv.screeningAt',
      'staff.csv.decidedAt',
      'staff.csv.adoptedAt',
      'staff.csv.capHours',
      'staff.csv.usedHours',
      'staff.csv.reservedHours',
      'staff.csv.leftHours',
      'staff.csv.priorUseHours',
      'staff.csv.form1',
      'staff.csv.form2',
      'staff.csv.experts',
      'staff.csv.channel',
      'staff.csv.followUp',
      'staff.csv.closedAt',
    ],
    rows,
  );
}

export const exportCommand: Command = {
  name: 'export',
  aliases: ['出力', 'エクスポート'],
  audience: ['staff'],
  usage: 'export hours|applications',
  summary: 'staff.cmd.export',
  async run(turn, args) {
    const denied = await requireRole(turn, ['staff'], 'export');
    if (denied) return denied;
    const what = normalizeText(args);
    const kind = ['hours', 'hour', '時間', '工数', '支援時間'].includes(what)
      ? 'hours'
      : ['applications', 'application', '申請', '申請一覧'].includes(what)
        ? 'applications'
        : undefined;
    if (!kind) return [error('usage', turn.t('staff.usage', { usage: 'export hours|applications' }))];
    const file = kind === 'hours' ? await exportHours(turn) : await exportApplications(turn);
    // Not a state change, but the files hold personal data: who took them is worth knowing.
    await turn.services.audit.record({
      actorId: turn.person.id,
      action: `export.${kind}`,
      subjectType: 'export',
      subjectId: kind,
      details: { filename: file.kind === 'file' ? file.filename : '' },
    });
    return [file];
  },
};
