/** Configuration from the environment, validated with zod: a bad value stops the start with its name and the fix. */
import { z } from 'zod';

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** What a bad value should look like instead, said once per kind of value (zod's defaults name types, not fixes). */
const fix = {
  port: { error: 'a port number from 0 to 65535, e.g. 3000' },
  hours: { error: 'a number of hours above 0, e.g. 72' },
  seconds: { error: 'a whole number of seconds, at least 1, e.g. 120' },
  url: { error: 'a URL such as https://host:port/path' },
};

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number(fix.port).int(fix.port).min(0, fix.port).max(65535, fix.port).default(3000),
    DATABASE_URL: z
      .string()
      .default('file:./data/desk.db')
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'use file:./path.db for SQLite or postgresql://user:pass@host/db'),
    PROGRAM: z.string().default('fy2021'),
    // Empty is unset (`BOT_NOW= npm start` goes back to the real clock).
    BOT_NOW: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.iso.datetime({ offset: true, error: 'a date and time in ISO 8601 with its offset, e.g. 2021-09-01T10:00:00+09:00, or unset it for the real clock' }).optional(),
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How long a step-by-step flow left halfway is kept, in hours. */
    FLOW_TTL_HOURS: z.coerce.number(fix.hours).positive(fix.hours).default(72),
    /**
     * How long a request may be in handling before it counts as abandoned by a crashed process and is handled
     * again: the lease of an acknowledged request in the inbox, and the age after which a claim left without
     * replies is taken over. Longer than any request takes, queue included.
     */
    REQUEST_LEASE_SECONDS: z.coerce.number(fix.seconds).int(fix.seconds).min(1, fix.seconds).default(120),
    SLACK_SIGNING_SECRET: optionalSecret,
    SLACK_BOT_TOKEN: optionalSecret,
    SLACK_APP_TOKEN: optionalSecret,
    SLACK_API_URL: z.url(fix.url).optional(),
    MICROSOFT_APP_ID: optionalSecret,
    MICROSOFT_APP_PASSWORD: optionalSecret,
    MICROSOFT_APP_TENANT_ID: optionalSecret,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    /** Where the Teams adapter reads the channel's signing keys (OpenID metadata); tests point it at a local issuer. */
    MICROSOFT_OPENID_METADATA_URL: z.url(fix.url).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.BOT_NOW) {
      ctx.addIssue({ code: 'custom', path: ['BOT_NOW'], message: 'a pinned clock is for demos and tests only: unset BOT_NOW in production' });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'set it (from the Slack app\'s Basic Information page) or SLACK_APP_TOKEN for Socket Mode' });
    }
    if (env.NODE_ENV === 'production' && (!env.MICROSOFT_APP_ID || !env.MICROSOFT_APP_PASSWORD) && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message: 'production refuses unauthenticated Teams requests: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD from the Azure bot registration',
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

/** Thrown when the environment is invalid; the message names every variable and the fix. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Names of the configuration values that must never be logged. */
export const secretKeys = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'MICROSOFT_APP_PASSWORD'] as const;
