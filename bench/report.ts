/** The results file and the table printed at the end of `npm run bench`. */
import type { MachineInfo } from './machine.ts';
import type { HoursComparison, RunFigures, ServerFigures } from './hours-phase.ts';
import type { QuotaFigures } from './quota-phase.ts';
import type { StatementFigures } from './statements-phase.ts';

export interface Target {
  what: string;
  goal: string;
  actual: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  machine: MachineInfo;
  options: Record<string, unknown>;
  statements: StatementFigures;
  hours: HoursComparison;
  quota: QuotaFigures;
  targets: Target[];
  durationSeconds: number;
}

export function targetsOf(r: Omit<BenchResults, 'targets' | 'durationSeconds'>): Target[] {
  const { statements: s, hours: h } = r;
  const dataStatements = s.statementsPerCommand - s.transactionsPerCommand - s.commitsPerCommand;
  const cpu = h.ours.burst.cpuMsPerCommand;
  const largest = r.quota.sizes.at(-1)!;
  const stored = (f: ServerFigures) => `${f.entriesStored}, ${f.ledgerConsistent ? 'consistent' : 'INCONSISTENT'}`;
  return [
    {
      what: '/hours: write transactions, statements (BEGIN/COMMIT aside)',
      goal: '1, ≤ 6',
      actual: `${s.transactionsPerCommand}, ${dataStatements}`,
      met: s.transactionsPerCommand === 1 && s.commitsPerCommand === 1 && dataStatements <= 6,
    },
    { what: '/hours completed per second vs the minimal app', goal: '≥ 0.5×', actual: `${h.completedRatio}×`, met: h.completedRatio >= 0.5 },
    { what: '/hours server CPU per command', goal: '≤ 3 ms', actual: cpu === undefined ? 'not measured' : `${cpu} ms`, met: cpu !== undefined && cpu <= 3 },
    {
      what: `/hours reply p99 at an open-loop ${h.ours.openLoop.ratePerSecond}/s`,
      goal: '< 100 ms',
      actual: `${h.ours.openLoop.latency.p99} ms`,
      met: h.ours.openLoop.latency.p99 < 100 && h.ours.openLoop.non200 + h.ours.openLoop.transportErrors === 0,
    },
    { what: `/quota p99 at ${largest.entries} entries`, goal: '< 50 ms', actual: `${largest.reply.p99} ms`, met: largest.reply.p99 < 50 },
    {
      what: `/quota p99 growth ${r.quota.sizes[0]!.entries} → ${largest.entries} entries`,
      goal: 'flat (≤ 1.5×), same reply',
      actual: `${r.quota.p99Growth}×, ${r.quota.sameReplyAtEverySize ? 'same reply' : 'replies differ'}`,
      met: r.quota.p99Growth <= 1.5 && r.quota.sameReplyAtEverySize,
    },
    {
      what: '/hours every command stored once, ledger = counters (ours; minimal)',
      goal: 'all, consistent',
      actual: `${stored(h.ours)}; ${stored(h.minimal)}`,
      met: [h.ours, h.minimal].every((f) => f.ledgerConsistent && f.entriesStored === f.burst.commands + f.openLoop.commands + (r.options.warmup as number)),
    },
  ];
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const row = (cells: string[], widths: number[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ');

export function formatTable(r: BenchResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node} (load average at start ${m.loadAverageAtStart})`);
  lines.push('');
  const s = r.statements;
  lines.push(`/hours, counted at the driver over ${s.commands} commands: ${s.statementsPerCommand} statements, ${s.transactionsPerCommand} transaction(s), ${s.commitsPerCommand} commit(s) per command`);
  for (const sql of s.oneCommand) lines.push(`  ${sql}`);
  lines.push('');
  const w = [40, 12, 9, 9, 9, 9, 10, 18];
  lines.push(row(['/hours (signed slash commands)', 'completed/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU/cmd', 'RSS idle → peak'], w));
  const line = (name: string, f: RunFigures, server: ServerFigures) =>
    row(
      [
        name,
        String(f.completedPerSecond),
        String(f.latency.p50),
        String(f.latency.p95),
        String(f.latency.p99),
        String(f.latency.max),
        f.cpuMsPerCommand === undefined ? '—' : `${f.cpuMsPerCommand} ms`,
        server.peakMemoryMiB === undefined ? '—' : `${server.idleMemoryMiB ?? '?'} → ${server.peakMemoryMiB} MiB`,
      ],
      w,
    );
  const { ours, minimal } = r.hours;
  lines.push(line(`ours: burst of ${ours.burst.commands} @ ${ours.burst.concurrency}`, ours.burst, ours));
  lines.push(line(`minimal: burst of ${minimal.burst.commands} @ ${minimal.burst.concurrency}`, minimal.burst, minimal));
  lines.push(line(`ours: open loop ${ours.openLoop.ratePerSecond}/s`, ours.openLoop, ours));
  lines.push(line(`minimal: open loop ${minimal.openLoop.ratePerSecond}/s`, minimal.openLoop, minimal));
  lines.push(`ratio ours/minimal: ${r.hours.completedRatio}× completed per second, ${r.hours.cpuRatio ?? '—'}× CPU per command`);
  for (const [name, f] of [['ours', ours] as const, ['minimal', minimal] as const]) {
    const problems = [f.burst, f.openLoop].flatMap((x) => [...(x.non200 ? [`${x.non200} non-200`] : []), ...(x.transportErrors ? [`${x.transportErrors} transport errors`] : []), ...x.unexpected]);
    lines.push(`${name}: ${f.entriesStored} entries stored, ledger ${f.ledgerConsistent ? 'consistent with the counters' : 'INCONSISTENT'}${problems.length ? `; ${problems.join('; ')}` : ''}`);
  }
  lines.push('');
  const q = [34, 10, 9, 9, 9, 9, 11];
  lines.push(row([`/quota (${r.quota.sizes[0]!.engagements} engagements)`, 'entries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'ack p99'], q));
  for (const size of r.quota.sizes) {
    lines.push(row(['time to the whole reply', String(size.entries), String(size.reply.p50), String(size.reply.p95), String(size.reply.p99), String(size.reply.max), `${size.ack.p99} ms`], q));
  }
  lines.push(
    `p99 growth: ${r.quota.p99Growth}×; reply: ${r.quota.sizes[0]!.messagesPerReply} message(s), ${r.quota.sizes[0]!.replyBytes} bytes, ` +
      `${r.quota.sameReplyAtEverySize ? 'identical at every ledger size' : 'DIFFERS between ledger sizes'}; server peak RSS ${r.quota.peakMemoryMiB ?? '—'} MiB`,
  );
  lines.push('');
  for (const t of r.targets) lines.push(`${t.met ? 'MET   ' : 'MISSED'}  ${pad(t.what, 60)} goal ${pad(t.goal, 26)} actual ${t.actual}`);
  lines.push(`(${r.durationSeconds} s)`);
  return lines.join('\n');
}
