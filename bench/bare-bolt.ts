/**
 * The baseline: a bare Bolt app on its own HTTPReceiver whose `/hours` only acknowledges. Same Bolt
 * version, same signing, same authorize as the desk bot, nothing else. Run by bench/run.ts as a child
 * process (`PORT=… SLACK_SIGNING_SECRET=… node --import tsx bench/bare-bolt.ts`).
 */
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

await app.start(Number(process.env.PORT ?? 3000));
const stop = () => void app.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
