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
  url: { error: 'a URL such as https://host:port/path' },
};

/** `1`/`true` or `0`/`false` (empty means unset). */
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** A comma-separated list of service URL origins (`https://smba.trafficmanager.net`, `https://*.botframework.com`). */
const originList = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((e) => e.trim())
          .filter((e) => e !== '')
      : undefined,
  )
  .refine(
    (list) =>
      list === undefined ||
      list.every((e) => /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?\/?$/i.test(e) || /^https?:\/\/\[[0-9a-f:]+\](:\d{1,5})?\/?$/i.test(e)),
    'comma-separated origins such as https://smba.trafficmanager.net,https://*.botframework.com (scheme and host, optionally a port; no path)',
  );

/** A comma-separated list of conversation keys (`slack:T1:C1,teams:tenant:19:abc@thread.tacv2`). */
const conversationKeyList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== ''),
  )
  .refine(
    (list) => list.every((e) => /^(slack|teams|console):\S+$/.test(e) && e.length <= 300),
    'comma-separated conversation keys as `whoami` shows them in the channel, e.g. slack:T012:C345,teams:<tenant>:19:abc@thread.tacv2',
  );

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number(fix.port).int(fix.port).min(0, fix.port).max(65535, fix.port).default(3000),
    /** The address the HTTP server listens on: loopback by default; 0.0.0.0 (or the interface) behind a load balancer. */
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .default('file:./data/desk.db')
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'use file:./path.db for SQLite or postgresql://user:pass@host/db'),
    PROGRAM: z.string().default('fy2021'),
    // Empty is unset (`BOT_NOW= npm start` goes back to the real clock).
    BOT_NOW: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.iso
        .datetime({
          offset: true,
          error: 'a date and time in ISO 8601 with its offset, e.g. 2021-09-01T10:00:00+09:00, or unset it for the real clock',
        })
        .optional(),
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How long a step-by-step flow left halfway is kept, in hours. */
    FLOW_TTL_HOURS: z.coerce.number(fix.hours).positive(fix.hours).default(72),
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
    /**
     * Serve /api/messages without authentication (Bot Framework Emulator, local use): an explicit opt-in,
     * refused in production; only loopback service URLs are accepted then.
     */
    TEAMS_ALLOW_UNAUTHENTICATED: flag,
    /** Where Teams replies and notifications may go when authenticated; default: the Bot Framework's and Teams' hosts. */
    TEAMS_SERVICE_URL_ALLOWLIST: originList,
    /**
     * Conversation keys (as `whoami` shows them in a channel: `slack:T1:C1`, `teams:<tenant>:<conversation id>`)
     * where staff-only answers are shown to everyone: a staff team's own channels. Elsewhere they go to the asker alone.
     */
    STAFF_CHANNELS: conversationKeyList,
    /**
     * Where files a person allowed in Teams may be uploaded (the upload URL Teams names in its file consent
     * answer); default: OneDrive and SharePoint in the public and sovereign clouds.
     */
    TEAMS_FILE_UPLOAD_ALLOWLIST: originList,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.BOT_NOW) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_NOW'],
        message: 'a pinned clock is for demos and tests only: unset BOT_NOW in production',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: "set it (from the Slack app's Basic Information page) or SLACK_APP_TOKEN for Socket Mode",
      });
    }
    if (env.NODE_ENV === 'production' && env.TEAMS_ALLOW_UNAUTHENTICATED) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEAMS_ALLOW_UNAUTHENTICATED'],
        message:
          'production refuses unauthenticated Teams requests: unset it and set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD from the Azure bot registration',
      });
    }
    if (env.NODE_ENV === 'production' && env.TEAMS_FILE_UPLOAD_ALLOWLIST?.some((origin) => !origin.toLowerCase().startsWith('https://'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEAMS_FILE_UPLOAD_ALLOWLIST'],
        message:
          'production uploads files over HTTPS only: list https:// origins (e.g. https://*.sharepoint.com), or unset it for the default',
      });
    }
    // Without an app id Teams is simply off; with one, production needs its secret (a managed identity has none).
    if (
      env.NODE_ENV === 'production' &&
      env.MICROSOFT_APP_ID &&
      !env.MICROSOFT_APP_PASSWORD &&
      env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_PASSWORD'],
        message: 'set it (the client secret of the Azure bot registration), or MICROSOFT_APP_TYPE=UserAssignedMSI for a managed identity',
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
