/**
 * How every command-line entry point (`npm start`, `npm run chat`, `npm run admin`, `npm run db:migrate`) ends
 * on a mistake: one line on stderr saying what is wrong and how to fix it, and exit code 2 for a wrong call
 * (arguments) or 1 for anything else. A mistake the person can fix never prints a stack trace; an unexpected
 * error prints its message, and its stack only with LOG_LEVEL=debug.
 */
import { ConfigError } from '../config.ts';
import { DatabaseNotWritableError } from '../db/assert-writable.ts';
import { MigrationError } from '../db/migrate.ts';
import { ProgramDefinitionError } from '../program/load-program.ts';

/** A wrong command line (unknown option, missing argument): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

export interface Failure {
  /** One line, without a trailing newline. */
  line: string;
  exitCode: number;
  /** A mistake with a known fix (no stack trace is useful). */
  expected: boolean;
}

/** node:util parseArgs errors, reworded: its own messages explain `--` escaping rather than the mistake. */
function parseArgsMessage(error: { code?: unknown; message: string }): string | undefined {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.replace(/\.$/, '');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted ?? ''}`.trim();
    default:
      return undefined;
  }
}

/** Multi-line messages (several invalid variables) on one line. */
const oneLine = (text: string) =>
  text
    .trim()
    .replace(/:\s*\n\s*/g, ': ')
    .replace(/\s*\n\s*/g, '; ');

/** What to print for `error`, prefixed with `prefix` (e.g. "Cannot start"); `help` is how to get the usage. */
export function describeFailure(error: unknown, prefix: string, help?: string): Failure {
  const seeHelp = help ? ` (${help})` : '';
  if (error instanceof UsageError) return { line: `${prefix}: ${error.message}${seeHelp}`, exitCode: EXIT_USAGE, expected: true };
  if (error instanceof Error) {
    const parseArgs = parseArgsMessage(error as Error & { code?: unknown });
    if (parseArgs) return { line: `${prefix}: ${parseArgs}${seeHelp}`, exitCode: EXIT_USAGE, expected: true };
  }
  const known =
    error instanceof ConfigError ||
    error instanceof ProgramDefinitionError ||
    error instanceof MigrationError ||
    error instanceof DatabaseNotWritableError;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  const hint = code === 'EADDRINUSE' ? ' (another process uses this port: stop it or set PORT)' : '';
  // A program definition's problems are listed one per line under the file's name: keep them readable.
  const text = error instanceof ProgramDefinitionError ? message.trim() : oneLine(message);
  return { line: `${prefix}: ${text}${hint}`, exitCode: EXIT_FAILURE, expected: known || hint !== '' };
}

/** Prints the failure and ends the process. */
export function exitWithFailure(error: unknown, prefix: string, help?: string): never {
  const failure = describeFailure(error, prefix, help);
  process.stderr.write(`${failure.line}\n`);
  if (!failure.expected) {
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('(LOG_LEVEL=debug shows where it happened)\n');
  }
  process.exit(failure.exitCode);
}
