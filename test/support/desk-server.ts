/** The desk bot as `npm start` runs it (the compiled build, scripts/run.mjs main), wired to a fake Slack on loopback. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, startServerProcess, type ServerProcess } from './server-process.ts';

/**
 * The Node flags package.json's "start" script gives the server (its young-generation size), so that the server
 * measured and tested is the one `npm start` runs.
 */
export const startNodeFlags: string[] = (
  JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** The bot's business clock for every run: inside FY2021's support period, after the seeded adoptions. */
export const benchNow = '2021-10-01T03:00:00Z';
export const benchTeam = 'TBENCH';
export const benchSigningSecret = 'bench-signing-secret';

export function startDeskServer(o: {
  databaseUrl: string;
  slackApiUrl: string;
  logLevel?: string;
  nodeFlags?: string[];
  env?: NodeJS.ProcessEnv;
}): Promise<ServerProcess> {
  return startServerProcess({
    entry: 'scripts/run.mjs',
    args: ['main'],
    nodeFlags: [...startNodeFlags, ...(o.nodeFlags ?? [])],
    env: {
      NODE_ENV: 'development',
      DATABASE_URL: o.databaseUrl,
      LOG_LEVEL: o.logLevel ?? 'info',
      BOT_NOW: benchNow,
      SLACK_SIGNING_SECRET: benchSigningSecret,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: o.slackApiUrl,
      MICROSOFT_APP_ID: '',
      MICROSOFT_APP_PASSWORD: '',
      ...o.env,
    },
  });
}
