/**
 * The dependency rules (.dependency-cruiser.cjs, also `npm run deps` in CI) hold for the code base, and each
 * of them catches a violation planted in a scratch tree: the check itself works.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as {
  forbidden: IForbiddenRuleType[];
  options: ICruiseOptions;
};

async function violations(baseDir: string, dirs: string[]): Promise<string[]> {
  const { tsConfig: _tsConfig, ...options } = config.options;
  const result = await cruise(dirs, { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

const scratch = mkdtempSync(path.join(tmpdir(), 'desk-deps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function plant(files: Record<string, string>): void {
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch, name)), { recursive: true });
    writeFileSync(path.join(scratch, name), source);
  }
}

describe('dependency rules', () => {
  it('hold for src/, adapters/, scripts/ and bench/', { timeout: 180_000 }, async () => {
    expect(await violations(root, ['src', 'adapters', 'scripts', 'bench'])).toEqual([]);
  });

  it('catch a planted violation of each rule', { timeout: 60_000 }, async () => {
    plant({
      'node_modules/@slack/bolt/package.json': '{"name":"@slack/bolt","main":"index.js"}',
      'node_modules/@slack/bolt/index.js': 'module.exports = {};',
      'src/core/engine.ts': [
        "import '../hours/ledger.ts';", // core -> feature
        "import '../app/root.ts';", // core -> composition root
        "import '@slack/bolt';", // core -> platform SDK
        "import './loop-a.ts';",
      ].join('\n'),
      'src/core/loop-a.ts': "import './loop-b.ts';",
      'src/core/loop-b.ts': "import './loop-a.ts';", // a cycle
      'src/hours/ledger.ts': "import '../db/prisma-hours.ts';\nimport '../app/root.ts';", // feature -> src/db, -> src/app
      'src/db/prisma-hours.ts': 'export {};',
      'src/app/root.ts': "import '../../adapters/slack/adapter.ts';",
      'adapters/slack/adapter.ts': "import '../../src/app/root.ts';\nimport '../teams/adapter.ts';", // adapter -> app, -> other adapter
      'adapters/teams/adapter.ts': 'export {};',
      'src/program/schema.ts': "import '../core/engine.ts';", // the program definition depends on nothing of ours
    });
    const found = await violations(scratch, ['src', 'adapters']);
    const rules = new Set(found.map((v) => v.split(':')[0]));
    expect([...rules].sort()).toEqual([
      'adapters-not-to-app',
      'adapters-not-to-each-other',
      'core-and-features-not-to-platform-or-database',
      'core-not-to-features',
      'core-not-to-outer-layers',
      'features-not-to-outer-layers',
      'no-circular',
      'program-is-data',
    ]);
    expect(found).toContain('core-not-to-features: src/core/engine.ts -> src/hours/ledger.ts');
    expect(found).toContain('core-and-features-not-to-platform-or-database: src/core/engine.ts -> node_modules/@slack/bolt/index.js');
    expect(found).toContain('core-and-features-not-to-platform-or-database: src/hours/ledger.ts -> src/db/prisma-hours.ts');
  });
});
