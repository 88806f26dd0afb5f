/** The results file and the table printed at the end of `npm run bench`. */
import type { MachineInfo } from './machine.ts';
import type { HoursFigures, LoadFigures } from './hours-phase.ts';
import type { QuotaFigures } from './quota-phase.ts';

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
  hours: HoursFigures;
  bareBolt?: LoadFigures;
  /** Ours / bare Bolt, acknowledged requests per second. */
  throughputRatio?: number;
  quota: QuotaFigures;
  targets: Target[];
  durationSeconds: number;
}

export function targetsOf(r: Omit<BenchResults, 'targets' | 'durationSeconds'>): Target[] {
  const targets: Target[] = [];
  if (r.throughputRatio !== undefined) {
    targets.push({ what: '/hours throughput vs bare Bolt', goal: '≥ 0.5×', actual: `${r.throughputRatio}×`, met: r.throughputRatio >= 0.5 });
  }
  targets.push({ what: `/hours p99 ack at concurrency ${r.hours.concurrency}`, goal: '< 300 ms', actual: `${r.hours.ack.p99} ms`, met: r.hours.ack.p99 < 300 });
  const largest = r.quota.sizes.at(-1)!;
  targets.push({ what: `/quota p99 at ${largest.entries} entries`, goal: '< 50 ms', actual: `${largest.reply.p99} ms`, met: largest.reply.p99 < 50 });
  targets.push({
    what: `/quota p99 growth ${r.quota.sizes[0]!.entries} → ${largest.entries} entries`,
    goal: 'flat (≤ 1.5×), same reply',
    actual: `${r.quota.p99Growth}×, ${r.quota.sameReplyAtEverySize ? 'same reply' : 'replies differ'}`,
    met: r.quota.p99Growth <= 1.5 && r.quota.sameReplyAtEverySize,
  });
  targets.push({ what: '/hours entries stored once each, ledger = counters', goal: `${r.hours.requests}, consistent`, actual: `${r.hours.entriesStored}, ${r.hours.ledgerConsistent ? 'consistent' : 'INCONSISTENT'}`, met: r.hours.entriesStored === r.hours.requests && r.hours.ledgerConsistent });
  return targets;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const row = (cells: string[], widths: number[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ');

export function formatTable(r: BenchResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node} (load average at start ${m.loadAverageAtStart})`);
  lines.push('');
  const w = [34, 10, 9, 9, 9, 9, 20, 10];
  lines.push(row(['/hours (signed slash commands)', 'acks/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'RSS idle → peak', 'CPU/req'], w));
  const load = (name: string, f: LoadFigures) =>
    row(
      [
        name,
        String(f.acksPerSecond),
        String(f.ack.p50),
        String(f.ack.p95),
        String(f.ack.p99),
        String(f.ack.max),
        f.peakMemoryMiB === undefined ? '—' : `${f.idleMemoryMiB ?? '?'} → ${f.peakMemoryMiB} MiB`,
        f.cpuMsPerRequest === undefined ? '—' : `${f.cpuMsPerRequest} ms`,
      ],
      w,
    );
  lines.push(load(`ours: ack (${r.hours.requests} @ ${r.hours.concurrency})`, r.hours));
  lines.push(
    row([`ours: reply at Slack`, `${r.hours.repliesPerSecond}/s`, String(r.hours.reply.p50), String(r.hours.reply.p95), String(r.hours.reply.p99), String(r.hours.reply.max), ''], w),
  );
  if (r.bareBolt) lines.push(load(`bare Bolt: ack (${r.bareBolt.requests} @ ${r.bareBolt.concurrency})`, r.bareBolt));
  if (r.throughputRatio !== undefined) lines.push(`ratio ours/bare (acks/s): ${r.throughputRatio}×`);
  lines.push(`entries stored: ${r.hours.entriesStored}/${r.hours.requests}, ledger ${r.hours.ledgerConsistent ? 'consistent with the counters' : 'INCONSISTENT'}; non-200: ${r.hours.non200}, transport errors: ${r.hours.transportErrors}`);
  lines.push('');
  const q = [34, 10, 9, 9, 9, 9, 11];
  lines.push(row([`/quota (${r.quota.sizes[0]!.engagements} engagements)`, 'entries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'ack p99'], q));
  for (const s of r.quota.sizes) {
    lines.push(row(['time to the whole reply', String(s.entries), String(s.reply.p50), String(s.reply.p95), String(s.reply.p99), String(s.reply.max), `${s.ack.p99} ms`], q));
  }
  lines.push(
    `p99 growth: ${r.quota.p99Growth}×; reply: ${r.quota.sizes[0]!.messagesPerReply} message(s), ${r.quota.sizes[0]!.replyBytes} bytes, ` +
      `${r.quota.sameReplyAtEverySize ? 'identical at every ledger size' : 'DIFFERS between ledger sizes'}; server peak RSS ${r.quota.peakMemoryMiB ?? '—'} MiB`,
  );
  lines.push('');
  for (const t of r.targets) lines.push(`${t.met ? 'MET   ' : 'MISSED'}  ${pad(t.what, 52)} goal ${pad(t.goal, 28)} actual ${t.actual}`);
  lines.push(`(${r.durationSeconds} s)`);
  return lines.join('\n');
}
