// The Teams app package: manifest.json at the schema version it declares (validated offline against the
// schema kept in manifest/teams/schema), the two icons Teams requires, and the zip built by `npm run teams:package`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTeamsPackage, TeamsPackageError } from '../../scripts/teams-package.ts';
import { colorIcon, outlineIcon } from '../../scripts/teams-icons.ts';
import { readPng } from './read-png.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifestDir = path.join(repoRoot, 'manifest', 'teams');
const manifest = JSON.parse(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8')) as {
  $schema: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
  validDomains: string[];
};

function schemaValidator() {
  const file = path.join(manifestDir, 'schema', `MicrosoftTeams.schema.v${manifest.manifestVersion}.json`);
  if (!existsSync(file)) {
    throw new Error(
      `The Teams manifest schema v${manifest.manifestVersion} is missing: expected ${file} (add the schema of that version to manifest/teams/schema)`,
    );
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'desk-teams-package-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Teams manifest', () => {
  it('declares the current schema, v1.29', () => {
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json');
  });

  it('validates against the Teams schema of that version', () => {
    const validate = schemaValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject a manifest that breaks the schema.
    expect(validate({ ...manifest, accentColor: 'blue' })).toBe(false);
  });

  it('lets the bot send files (the file consent flow in personal chats)', () => {
    expect(manifest.bots[0]!.supportsFiles).toBe(true);
  });

  it('offers the bot in personal chats and teams, with the same commands as Slack in both', () => {
    const [bot] = manifest.bots;
    expect(bot!.scopes).toEqual(['personal', 'team']);
    const lists = Object.fromEntries(bot!.commandLists.map((l) => [l.scopes.join(','), l.commands.map((c) => c.title)]));
    expect(Object.keys(lists).sort()).toEqual(['personal', 'team']);
    expect(lists.team).toEqual(lists.personal);
    // Slack's slash commands (except /desk, Slack's catch-all) are the commands Teams offers too.
    const slack = parseYaml(readFileSync(path.join(repoRoot, 'manifest', 'slack', 'manifest.yaml'), 'utf8')) as {
      features: { slash_commands: { command: string }[] };
    };
    const slackCommands = slack.features.slash_commands.map((c) => c.command.replace(/^\//, '')).filter((c) => c !== 'desk');
    expect(slackCommands.length).toBeGreaterThan(0);
    expect(lists.personal).toEqual(expect.arrayContaining(['help', ...slackCommands]));
    expect(manifest.validDomains.length).toBeGreaterThan(0);
  });
});

describe('Teams icons', () => {
  it('has a full-colour 192×192 icon', () => {
    const png = readPng(readFileSync(path.join(manifestDir, manifest.icons.color)));
    expect([png.width, png.height]).toEqual([192, 192]);
    const colours = new Set<string>();
    let transparent = 0;
    for (let i = 0; i < png.pixels!.length; i += 4) {
      if (png.pixels![i + 3] !== 255) transparent++;
      colours.add(png.pixels!.subarray(i, i + 3).join(','));
    }
    expect(transparent).toBe(0);
    expect(colours.size).toBeGreaterThan(1);
  });

  it('has a 32×32 outline icon, white on a transparent background', () => {
    const png = readPng(readFileSync(path.join(manifestDir, manifest.icons.outline)));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect([4, 6]).toContain(png.colorType);
    const alphas: number[] = [];
    const notWhite: string[] = [];
    for (let i = 0; i < png.pixels!.length; i += 4) {
      const [r, g, b, a] = png.pixels!.subarray(i, i + 4);
      alphas.push(a!);
      if (a! > 0 && (r !== 255 || g !== 255 || b !== 255)) notWhite.push(`${r},${g},${b}`);
    }
    expect(notWhite).toEqual([]);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('are what scripts/teams-icons.ts draws', () => {
    const samePixels = (drawn: Buffer, file: string) =>
      Buffer.from(readPng(drawn).pixels!).equals(Buffer.from(readPng(readFileSync(path.join(manifestDir, file))).pixels!));
    expect(samePixels(colorIcon(), manifest.icons.color)).toBe(true);
    expect(samePixels(outlineIcon(), manifest.icons.outline)).toBe(true);
  });
});

describe('npm run teams:package', () => {
  it('zips the manifest with this deployment’s ids and domain and the icons, flat', async () => {
    const botId = '11111111-2222-3333-4444-555555555555';
    const outFile = path.join(tmp, 'app.zip');
    const result = await buildTeamsPackage({ botId, domain: 'https://desk.example.org/api/messages', outFile });
    expect(result.validated).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      id: string;
      bots: { botId: string }[];
      validDomains: string[];
    };
    expect(packaged.id).toBe(botId);
    expect(packaged.bots[0]!.botId).toBe(botId);
    expect(packaged.validDomains).toEqual(['desk.example.org']);
    expect(schemaValidator()(packaged)).toBe(true);
    expect(
      Buffer.from(await zip.file('outline.png')!.async('uint8array')).equals(readFileSync(path.join(manifestDir, 'outline.png'))),
    ).toBe(true);
  });

  it('refuses to package without the bot’s real app id', async () => {
    await expect(buildTeamsPackage({ botId: '', domain: 'desk.example.org', outFile: path.join(tmp, 'x.zip') })).rejects.toThrow(
      TeamsPackageError,
    );
    await expect(
      buildTeamsPackage({ botId: '00000000-0000-0000-0000-000000000000', domain: 'desk.example.org', outFile: path.join(tmp, 'y.zip') }),
    ).rejects.toThrow(/MICROSOFT_APP_ID/);
  });
});
