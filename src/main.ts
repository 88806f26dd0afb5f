/** `npm start`: runs the bot until SIGTERM or SIGINT, then finishes in-flight requests and closes the database. */
import { ConfigError } from './config.ts';
import { ProgramDefinitionError } from './program/load-program.ts';
import { MigrationError } from './db/migrate.ts';
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
  if (e instanceof ConfigError || e instanceof ProgramDefinitionError || e instanceof MigrationError) {
    process.stderr.write(`Cannot start: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
