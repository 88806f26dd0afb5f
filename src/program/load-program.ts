/** Loads and validates the program definition chosen by configuration. */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { programSchema, type Program } from './program-schema.ts';

const definitionsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'definitions');

/** Thrown when the program file is missing or invalid; its message says what to fix. */
export class ProgramDefinitionError extends Error {}

/** `nameOrPath` is a bundled definition's name (`fy2021`) or a path to a JSON file. */
export function loadProgram(nameOrPath: string): Program {
  const file = /[/\\]|\.json$/.test(nameOrPath) ? path.resolve(nameOrPath) : path.join(definitionsDir, `${nameOrPath}.json`);
  if (!existsSync(file)) throw new ProgramDefinitionError(`PROGRAM: no program definition at ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ProgramDefinitionError(`PROGRAM: ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = programSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ProgramDefinitionError(`PROGRAM: ${file} is not a valid program definition:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
