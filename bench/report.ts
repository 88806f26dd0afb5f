/** The results file and the table printed at the end of `npm run bench`. */
import type { MachineInfo } from './machine.ts';
import type { HoursComparison, RunFigures, ServerFigures } from './hours-phase.ts';
import type { IdleMemoryFigures } from './memory.ts';
import type { QuotaFigures } from './quota-phase.ts';
import type { SoakFigures } from './soak.ts';
import type { StartupFigures } from './startup.ts';
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
  startup?: StartupFigures;
  idleMemory?: IdleMemoryFigures;
  targets: Target[];
  durationSeconds: number;
}

export interface SoakResults {
  date: string;
  machine: MachineInfo;
  options: Record<string, unknown>;
  soak: SoakFigures;
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
    {
      what: '/hours completed per second vs the minimal app',
      goal: '≥ 0.5×',
      actual: `${h.completedRatio}×`,
      met: h.completedRatio >= 0.5,
    },
    {
      what: '/hours server CPU per command',
      goal: '≤ 3 ms',
      actual: cpu === undefined ? 'not measured' : `${cpu} ms`,
      met: cpu !== undefined && cpu <= 3,
    },
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
    ...memoryTargets(r),
    {
      what: '/hours every command stored once, ledger = counters (ours; minimal)',
      goal: 'all, consistent',
      actual: `${stored(h.ours)}; ${stored(h.minimal)}`,
      met: [h.ours, h.minimal].every(
        (f) => f.ledgerConsistent && f.entriesStored === f.burst.commands + f.openLoop.commands + (r.options.warmup as number),
      ),
    },
  ];
}

/** Memory and start-up of the compiled server (issue 16's goals). */
function memoryTargets(r: Omit<BenchResults, 'targets' | 'durationSeconds'>): Target[] {
  const targets: Target[] = [];
  const idle = r.idleMemory?.withSlackMiB;
  if (idle !== undefined)
    targets.push({ what: 'server idle RSS (Slack configured)', goal: '≤ 150 MiB', actual: `${idle} MiB`, met: idle <= 150 });
  const peak = r.hours.ours.peakMemoryMiB;
  if (peak !== undefined)
    targets.push({
      what: `server peak RSS, /hours burst of ${r.hours.ours.burst.commands} and open loop`,
      goal: '≤ 256 MiB',
      actual: `${peak} MiB`,
      met: peak <= 256,
    });
  if (r.startup) {
    const start = r.startup.npmStartToHealthy.p50;
    targets.push({ what: 'npm start → /healthz 200 (median, warm)', goal: '≤ 2000 ms', actual: `${start} ms`, met: start <= 2000 });
    const chat = r.startup.npmChatToPrompt?.p50;
    if (chat !== undefined)
      targets.push({ what: 'npm run chat → first prompt (median, warm)', goal: '≤ 1500 ms', actual: `${chat} ms`, met: chat <= 1500 });
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
  lines.push(
    `Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node} (load average at start ${m.loadAverageAtStart})`,
  );
  lines.push('');
  const s = r.statements;
  lines.push(
    `/hours, counted at the driver over ${s.commands} commands: ${s.statementsPerCommand} statements, ${s.transactionsPerCommand} transaction(s), ${s.commitsPerCommand} commit(s) per command`,
  );
  for (const sql of s.oneCommand) lines.push(`  ${sql}`);
  lines.push('');
  const w = [40, 12, 9, 9, 9, 9, 10, 18];
  lines.push(
    row(['/hours (signed slash commands)', 'completed/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU/cmd', 'RSS idle → peak'], w),
  );
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
    const problems = [f.burst, f.openLoop].flatMap((x) => [
      ...(x.non200 ? [`${x.non200} non-200`] : []),
      ...(x.transportErrors ? [`${x.transportErrors} transport errors`] : []),
      ...x.unexpected,
    ]);
    lines.push(
      `${name}: ${f.entriesStored} entries stored, ledger ${f.ledgerConsistent ? 'consistent with the counters' : 'INCONSISTENT'}${problems.length ? `; ${problems.join('; ')}` : ''}`,
    );
  }
  lines.push('');
  const q = [34, 10, 9, 9, 9, 9, 11];
  lines.push(
    row([`/quota (${r.quota.sizes[0]!.engagements} engagements)`, 'entries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'ack p99'], q),
  );
  for (const size of r.quota.sizes) {
    lines.push(
      row(
        [
          'time to the whole reply',
          String(size.entries),
          String(size.reply.p50),
          String(size.reply.p95),
          String(size.reply.p99),
          String(size.reply.max),
          `${size.ack.p99} ms`,
        ],
        q,
      ),
    );
  }
  lines.push(
    `p99 growth: ${r.quota.p99Growth}×; reply: ${r.quota.sizes[0]!.messagesPerReply} message(s), ${r.quota.sizes[0]!.replyBytes} bytes, ` +
      `${r.quota.sameReplyAtEverySize ? 'identical at every ledger size' : 'DIFFERS between ledger sizes'}; server peak RSS ${r.quota.peakMemoryMiB ?? '—'} MiB`,
  );
  lines.push('');
  if (r.idleMemory || r.startup) lines.push(...startupLines(r));
  for (const t of r.targets) lines.push(`${t.met ? 'MET   ' : 'MISSED'}  ${pad(t.what, 60)} goal ${pad(t.goal, 26)} actual ${t.actual}`);
  lines.push(`(${r.durationSeconds} s)`);
  return lines.join('\n');
}

const ms = (summary: { p50: number; max: number } | undefined) => (summary ? `${summary.p50} ms (max ${summary.max})` : '—');

function startupLines(r: BenchResults): string[] {
  const lines: string[] = [];
  if (r.idleMemory) {
    lines.push(
      `Idle RSS of the compiled server, ${r.idleMemory.settleSeconds} s after /healthz: out of the box ${r.idleMemory.outOfTheBoxMiB ?? '—'} MiB, with Slack ${r.idleMemory.withSlackMiB ?? '—'} MiB`,
    );
  }
  if (r.startup) {
    const s = r.startup;
    lines.push(
      `Start-up, median of ${s.runs} warm runs: npm start → /healthz ${ms(s.npmStartToHealthy)}; the server process alone ${ms(s.serverToHealthy)}, processor time ${ms(s.serverCpuToHealthy)}`,
    );
    lines.push(
      `                                npm run chat → prompt ${ms(s.npmChatToPrompt)}; the chat process alone ${ms(s.chatToPrompt)}`,
    );
  }
  lines.push('');
  return lines;
}

export function formatSoak(r: SoakResults): string {
  const m = r.machine;
  const s = r.soak;
  const lines: string[] = [];
  lines.push(
    `Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node} (load average at start ${m.loadAverageAtStart})`,
  );
  lines.push('');
  lines.push(
    `Soak: ${s.seconds} s at ${s.ratePerSecond} signed commands/s (/hours 1m …, /budget, /hours), after ${s.warmupSeconds} s of warm-up`,
  );
  lines.push(
    `sent ${s.sent}, acknowledged ${s.acked} (non-200: ${s.non200}, transport errors: ${s.transportErrors}), replies at Slack ${s.repliesReceived}; at most ${s.maxInFlight} in flight`,
  );
  lines.push(`ack p50 ${s.ack.p50} ms, p99 ${s.ack.p99} ms, max ${s.ack.max} ms`);
  lines.push(
    `RSS: first quarter ${s.rssFirstMiB} MiB, last quarter ${s.rssLastMiB} MiB, max ${s.rssMaxMiB} MiB; growth ${s.growthMiB} MiB (${s.growthPercent}%); second-half slope ${s.secondHalfSlopeMiBPerMinute} MiB/min`,
  );
  lines.push('');
  for (const t of r.targets) lines.push(`${t.met ? 'MET   ' : 'MISSED'}  ${pad(t.what, 52)} goal ${pad(t.goal, 28)} actual ${t.actual}`);
  lines.push(`(${r.durationSeconds} s)`);
  return lines.join('\n');
}
