/**
 * The baseline: a bare Bolt app on its own HTTPReceiver whose `/hours` only acknowledges. Same Bolt
 * version, same signing, same authorize as the desk bot, nothing else. Run by bench/run.ts as a child
 * process (`PORT=0 SLACK_SIGNING_SECRET=… node --import tsx bench/bare-bolt.ts`); prints {"port":n}.
 */
import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';

const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) throw new Error('SLACK_SIGNING_SECRET is not set');

const app = new App({
  signingSecret,
  authorize: async () => ({ botToken: 'xoxb-bench' }),
  logLevel: LogLevel.ERROR,
  ...(process.env.SLACK_API_URL ? { clientOptions: { slackApiUrl: process.env.SLACK_API_URL } } : {}),
});
app.command('/hours', async ({ ack }) => {
  await ack();
});

const server = (await app.start(Number(process.env.PORT ?? 0))) as Server;
const address = server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
const stop = () => void app.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
