/** The core and the domain talk to ports: no platform SDK, no Prisma client, no adapter import. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// Folders allowed to reach the outside world: src/db implements the ports, src/app wires everything.
const wiring = new Set(['db', 'app']);
const wiringFiles = new Set(['main.ts']);
const forbidden = [
  /^@slack\//,
  /^botbuilder/,
  /^botframework-/,
  /^@microsoft\//,
  /^@prisma\/client/,
  /^@prisma\/adapter-/,
  /^better-sqlite3$/,
  /^pg$/,
  /\/generated\//,
  /(^|\/)adapters\//,
  /(^|\/)db\//,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(pattern)) specifiers.push((m[1] ?? m[2] ?? m[3])!);
  return specifiers;
}

const guarded = sourceFiles(path.join(root, 'src')).filter((file) => {
  const rel = path.relative(path.join(root, 'src'), file).split(path.sep);
  return !(rel.length > 1 && wiring.has(rel[0]!)) && !(rel.length === 1 && wiringFiles.has(rel[0]!));
});

describe('architecture boundaries', () => {
  it('finds the core and domain sources to check', () => {
    expect(guarded.some((f) => f.includes(`${path.sep}core${path.sep}bot.ts`))).toBe(true);
    expect(guarded.length).toBeGreaterThan(20);
  });

  it.each(guarded.map((f) => [path.relative(root, f), f]))('%s imports no platform SDK, Prisma client or adapter', (_rel, file) => {
    const offending = importsOf(readFileSync(file, 'utf8')).filter((spec) => forbidden.some((re) => re.test(spec)));
    expect(offending).toEqual([]);
  });

  it('detects a forbidden import (the check itself works)', () => {
    const sample = `import { App } from '@slack/bolt';\nimport type { PrismaClient } from '../db/generated/sqlite/client.ts';\nconst x = await import('botbuilder');`;
    expect(importsOf(sample).filter((spec) => forbidden.some((re) => re.test(spec)))).toEqual([
      '@slack/bolt',
      '../db/generated/sqlite/client.ts',
      'botbuilder',
    ]);
  });
});
