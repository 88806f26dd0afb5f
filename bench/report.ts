/** The results file and the table printed at the end of `npm run bench`. */
import type { MachineInfo } from './machine.ts';
import type { HoursFigures, LoadFigures } from './hours-phase.ts';
import type { IdleMemoryFigures } from './memory.ts';
import type { QuotaFigures } from './quota-phase.ts';
import type { SoakFigures } from './soak.ts';
import type { StartupFigures } from './startup.ts';

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
  /** Start-up times and idle memory of the compiled server (absent with --no-startup). */
  startup?: StartupFigures;
  idleMemory?: IdleMemoryFigures;
  targets: Target[];
  durationSeconds: number;
}

/** `npm run bench -- --soak <seconds>`: the soak alone. */
export interface SoakResults {
  date: string;
  machine: MachineInfo;
  options: Record<string, unknown>;
  soak: SoakFigures;
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
  targets.push(...memoryTargets(r));
  targets.push({ what: '/hours entries stored once each, ledger = counters', goal: `${r.hours.requests}, consistent`, actual: `${r.hours.entriesStored}, ${r.hours.ledgerConsistent ? 'consistent' : 'INCONSISTENT'}`, met: r.hours.entriesStored === r.hours.requests && r.hours.ledgerConsistent });
  return targets;
}

/** Memory and start-up of the compiled server (issue 16's goals). */
function memoryTargets(r: Omit<BenchResults, 'targets' | 'durationSeconds'>): Target[] {
  const targets: Target[] = [];
  const idle = r.idleMemory?.withSlackMiB;
  if (idle !== undefined) targets.push({ what: 'server idle RSS (Slack configured)', goal: '≤ 150 MiB', actual: `${idle} MiB`, met: idle <= 150 });
  const peak = r.hours.peakMemoryMiB;
  if (peak !== undefined) targets.push({ what: `server peak RSS, ${r.hours.requests}-command /hours burst`, goal: '≤ 256 MiB', actual: `${peak} MiB`, met: peak <= 256 });
  if (r.startup) {
    const start = r.startup.npmStartToHealthy.p50;
    targets.push({ what: 'npm start → /healthz 200 (median, warm)', goal: '≤ 2000 ms', actual: `${start} ms`, met: start <= 2000 });
    const chat = r.startup.npmChatToPrompt?.p50;
    if (chat !== undefined) targets.push({ what: 'npm run chat → first prompt (median, warm)', goal: '≤ 1500 ms', actual: `${chat} ms`, met: chat <= 1500 });
  }
  return targets;
}

export function soakTargetsOf(soak: SoakFigures): Target[] {
  return [
    {
      what: `soak: RSS growth, first → last quarter (${soak.seconds} s)`,
      goal: '≤ 10%',
      actual: `${soak.growthPercent}% (${soak.rssFirstMiB} → ${soak.rssLastMiB} MiB)`,
      met: soak.growthPercent <= 10,
    },
    {
      what: `soak: keeps up with ${soak.ratePerSecond} commands/s`,
      goal: `${soak.sent} acked with 200 and answered`,
      actual: `${soak.acked - soak.non200} acked, ${soak.repliesReceived} answered, ${soak.transportErrors} transport errors`,
      met: soak.non200 === 0 && soak.transportErrors === 0 && soak.acked === soak.sent && soak.repliesReceived === soak.sent,
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
  if (r.idleMemory || r.startup) lines.push(...startupLines(r));
  for (const t of r.targets) lines.push(`${t.met ? 'MET   ' : 'MISSED'}  ${pad(t.what, 52)} goal ${pad(t.goal, 28)} actual ${t.actual}`);
  lines.push(`(${r.durationSeconds} s)`);
  return lines.join('\n');
}

const ms = (summary: { p50: number; max: number } | undefined) => (summary ? `${summary.p50} ms (max ${summary.max})` : '—');

function startupLines(r: BenchResults): string[] {
  const lines: string[] = [];
  if (r.idleMemory) {
    lines.push(`Idle RSS of the compiled server, ${r.idleMemory.settleSeconds} s after /healthz: out of the box ${r.idleMemory.outOfTheBoxMiB ?? '—'} MiB, with Slack ${r.idleMemory.withSlackMiB ?? '—'} MiB`);
  }
  if (r.startup) {
    const s = r.startup;
    lines.push(`Start-up, median of ${s.runs} warm runs: npm start → /healthz ${ms(s.npmStartToHealthy)}; the server process alone ${ms(s.serverToHealthy)}, processor time ${ms(s.serverCpuToHealthy)}`);
    lines.push(`                                npm run chat → prompt ${ms(s.npmChatToPrompt)}; the chat process alone ${ms(s.chatToPrompt)}`);
  }
  lines.push('');
  return lines;
}

export function formatSoak(r: SoakResults): string {
  const m = r.machine;
  const s = r.soak;
  const lines: string[] = [];
  lines.push(`Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node} (load average at start ${m.loadAverageAtStart})`);
  lines.push('');
  lines.push(`Soak: ${s.seconds} s at ${s.ratePerSecond} signed commands/s (/hours 1m …, /budget, /hours), after ${s.warmupSeconds} s of warm-up`);
  lines.push(`sent ${s.sent}, acknowledged ${s.acked} (non-200: ${s.non200}, transport errors: ${s.transportErrors}), replies at Slack ${s.repliesReceived}; at most ${s.maxInFlight} in flight`);
  lines.push(`ack p50 ${s.ack.p50} ms, p99 ${s.ack.p99} ms, max ${s.ack.max} ms`);
  lines.push(`RSS: first quarter ${s.rssFirstMiB} MiB, last quarter ${s.rssLastMiB} MiB, max ${s.rssMaxMiB} MiB; growth ${s.growthMiB} MiB (${s.growthPercent}%); second-half slope ${s.secondHalfSlopeMiBPerMinute} MiB/min`);
  lines.push('');
  for (const t of r.targets) lines.push(`${t.met ? 'MET   ' : 'MISSED'}  ${pad(t.what, 52)} goal ${pad(t.goal, 28)} actual ${t.actual}`);
  lines.push(`(${r.durationSeconds} s)`);
  return lines.join('\n');
}
