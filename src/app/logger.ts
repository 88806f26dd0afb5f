/** The process logger (pino), with secrets and auth headers redacted wherever they appear. */
import { pino, type Logger as PinoLogger } from 'pino';
import { secretKeys } from '../config.ts';

export function createLogger(level: string, destination?: NodeJS.WritableStream): PinoLogger {
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
    destination ?? pino.destination(2),
  );
}
