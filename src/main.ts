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
  const known = e instanceof ConfigError || e instanceof ProgramDefinitionError || e instanceof MigrationError;
  const code = (e as { code?: unknown }).code;
  const hint = code === 'EADDRINUSE' ? ' (another process uses this port: stop it or set PORT)' : '';
  process.stderr.write(`Cannot start: ${e instanceof Error ? e.message : String(e)}${hint}\n`);
  // The stack helps only for the unexpected; a configuration mistake gets the message alone.
  if (!known && process.env.LOG_LEVEL === 'debug' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
}
