/**
 * The process logger (pino), with secrets and auth headers redacted wherever they appear. In a terminal the
 * lines are made readable by pino-pretty (a development dependency, so only where it is installed);
 * anywhere else, and in production installs, one JSON object per line for the log collector.
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { secretKeys } from '../config.ts';

type PrettyFactory = (options: {
  destination: number;
  sync: boolean;
  colorize: boolean;
  translateTime: string;
  ignore: string;
}) => DestinationStream;

/** pino-pretty writing to stderr, or undefined when it is not installed (`npm ci --omit=dev`). */
function prettyStderr(): DestinationStream | undefined {
  let pretty: PrettyFactory;
  try {
    // Loaded only for a terminal, synchronously (createLogger is synchronous), and in this thread: pino's
    // transport option would start a worker thread and its memory for it.
    pretty = createRequire(import.meta.url)('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
  return pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): PinoLogger {
  const stream = destination ?? (process.stderr.isTTY ? prettyStderr() : undefined) ?? pino.destination(2);
  return pino(
    {
      level,
      redact: {
        paths: [
          ...secretKeys.flatMap((k) => [k, `*.${k}`]),
          'authorization',
          '*.authorization',
          '*.headers.authorization',
          'token',
          '*.token',
          'password',
          '*.password',
          'appPassword',
          '*.appPassword',
        ],
        censor: '[redacted]',
      },
    },
    stream,
  );
}
