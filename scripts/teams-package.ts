/**
 * Builds the Teams app package: manifest/teams/manifest.json with this deployment's ids and domain,
 * plus the two icons, zipped flat into manifest/teams/build/desk-teams-app.zip (upload it in Teams or
 * the Developer Portal).
 *
 *   MICROSOFT_APP_ID=<bot app id> npm run teams:package -- --domain desk.example.org
 *
 * Options: --domain <host> (or TEAMS_BOT_DOMAIN), the host of the messaging endpoint; --app-id <guid>
 * (or TEAMS_APP_ID), the Teams app's own id, default the bot's app id; --out <file>.
 * The app version is package.json's. The result is validated against the schema in manifest/teams/schema.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const teamsManifestDir = path.join(root, 'manifest', 'teams');
const schemaFile = path.join(root, 'manifest', 'teams', 'schema', 'MicrosoftTeams.schema.v1.29.json');
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const placeholderId = '00000000-0000-0000-0000-000000000000';

export interface TeamsPackageOptions {
  /** The bot's Microsoft app id (MICROSOFT_APP_ID). */
  botId: string;
  /** The host name of the bot's messaging endpoint, e.g. desk.example.org. */
  domain: string;
  /** The Teams app id; default the bot id. */
  appId?: string;
  outFile?: string;
}

/** A usage mistake, reported without a stack trace. */
export class TeamsPackageError extends Error {}

interface Manifest {
  id: string;
  version: string;
  bots: { botId: string }[];
  validDomains: string[];
  icons: { color: string; outline: string };
}

export function teamsManifestFor(options: TeamsPackageOptions): Manifest {
  const appId = options.appId ?? options.botId;
  for (const [name, value] of [
    ['MICROSOFT_APP_ID', options.botId],
    ['TEAMS_APP_ID', appId],
  ] as const) {
    if (!guid.test(value) || value === placeholderId)
      throw new TeamsPackageError(`${name} must be the GUID of your registration, got "${value}"`);
  }
  const domain = options.domain
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain))
    throw new TeamsPackageError(`--domain must be a host name such as desk.example.org, got "${options.domain}"`);
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = JSON.parse(readFileSync(path.join(teamsManifestDir, 'manifest.json'), 'utf8')) as Manifest;
  return { ...manifest, id: appId, version, bots: manifest.bots.map((b) => ({ ...b, botId: options.botId })), validDomains: [domain] };
}

/** Errors of `manifest` against the v1.29 schema, or null when the schema is not available here. */
export function schemaErrors(manifest: unknown): string[] | null {
  if (!existsSync(schemaFile)) return null;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<{ file: string; manifest: Manifest; validated: boolean }> {
  const manifest = teamsManifestFor(options);
  const errors = schemaErrors(manifest);
  if (errors && errors.length > 0) throw new TeamsPackageError(`manifest.json does not match the Teams schema:\n  ${errors.join('\n  ')}`);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of [manifest.icons.color, manifest.icons.outline]) zip.file(icon, readFileSync(path.join(teamsManifestDir, icon)));
  const file = options.outFile ?? path.join(teamsManifestDir, 'build', 'desk-teams-app.zip');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { file, manifest, validated: errors !== null };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { domain: { type: 'string' }, 'app-id': { type: 'string' }, out: { type: 'string' } } });
  const botId = process.env.MICROSOFT_APP_ID ?? '';
  const domain = values.domain ?? process.env.TEAMS_BOT_DOMAIN ?? '';
  try {
    if (!domain) throw new TeamsPackageError('give the host of the messaging endpoint: --domain desk.example.org (or TEAMS_BOT_DOMAIN)');
    const result = await buildTeamsPackage({ botId, domain, appId: values['app-id'] ?? process.env.TEAMS_APP_ID, outFile: values.out });
    process.stdout.write(
      `${result.file}\n${result.validated ? 'manifest validated against the Teams v1.29 schema' : 'schema not found next to the project: manifest not validated'}\n`,
    );
  } catch (e) {
    if (!(e instanceof TeamsPackageError)) throw e;
    process.stderr.write(`teams:package: ${e.message}\n`);
    process.exit(1);
  }
}
