/** `npm start`: runs the bot until SIGTERM or SIGINT, then finishes in-flight requests and closes the database. */
import { exitWithFailure } from './app/cli-failure.ts';
import { startBot } from './app/start.ts';

try {
  const running = await startBot();
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: shutting down\n`);
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`shutdown failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (e) {
  exitWithFailure(e, 'Cannot start');
}
