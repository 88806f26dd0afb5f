/** `npm run bench -- --flags`: what to measure and how hard. Defaults are the figures the README reports. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Signed `/hours` commands per run (the burst, and the open loop), on ours and on the minimal app. */
  requests: number;
  concurrency: number;
  /** Commands per second of the open loop (of the soak with `--soak`). */
  rate: number;
  /** `/hours` commands counted statement by statement. */
  countedCommands: number;
  /** Experts logging hours, each with an adopted engagement of their own. */
  experts: number;
  /** Engagements holding the ledger the `/quota` measurement reads. */
  engagements: number;
  /** Ledger sizes `/quota` is measured at (the last is the headline figure). */
  ledgerSizes: number[];
  /** Measured `/quota` commands per ledger size (after `quotaWarmup` unmeasured ones). */
  quotaRequests: number;
  quotaWarmup: number;
  /** Write a V8 CPU profile of our server to bench/profiles.tmp/. */
  profile: boolean;
  /** Where the results go. */
  out: string;
  /** Server log level (pino); `info` is what production runs with. */
  logLevel: string;
  /** Measure start-up times and idle memory (`--no-startup` skips them). */
  startup: boolean;
  /** Measured starts per start-up figure (after one unmeasured). */
  startupRuns: number;
  /** `--soak <seconds>`: only the soak (steady traffic at `rate`, memory sampled), this long. */
  soakSeconds?: number;
}

const usage = `npm run bench -- [--requests 2000] [--concurrency 50] [--rate 100] [--counted 200] [--experts 100]
                   [--engagements 1000] [--ledger 10000,100000] [--quota-requests 300] [--quota-warmup 30]
                   [--profile] [--out bench/results/latest.json] [--log-level info] [--no-startup] [--startup-runs 5]
       npm run bench -- --soak <seconds> [--rate 50] [--experts 100] [--out bench/results/soak.json]`;

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, not "${value}"\n${usage}`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '50' },
      // 100 for the open loop, 50 for the soak.
      rate: { type: 'string' },
      counted: { type: 'string', default: '200' },
      experts: { type: 'string', default: '100' },
      engagements: { type: 'string', default: '1000' },
      ledger: { type: 'string', default: '10000,100000' },
      'quota-requests': { type: 'string', default: '300' },
      'quota-warmup': { type: 'string', default: '30' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results/latest.json' },
      'log-level': { type: 'string', default: 'info' },
      'no-startup': { type: 'boolean', default: false },
      'startup-runs': { type: 'string', default: '5' },
      soak: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const ledgerSizes = values.ledger.split(',').map((s) => positive('ledger', s.trim()));
  return {
    requests: positive('requests', values.requests),
    concurrency: positive('concurrency', values.concurrency),
    rate: positive('rate', values.rate ?? (values.soak === undefined ? '100' : '50')),
    countedCommands: positive('counted', values.counted),
    experts: positive('experts', values.experts),
    engagements: positive('engagements', values.engagements),
    ledgerSizes,
    quotaRequests: positive('quota-requests', values['quota-requests']),
    quotaWarmup: Number(values['quota-warmup']) >= 0 ? Number(values['quota-warmup']) : 30,
    profile: values.profile,
    out: values.soak !== undefined && values.out === 'bench/results/latest.json' ? 'bench/results/soak.json' : values.out,
    logLevel: values['log-level'],
    startup: !values['no-startup'],
    startupRuns: positive('startup-runs', values['startup-runs']),
    soakSeconds: values.soak === undefined ? undefined : positive('soak', values.soak),
  };
}
