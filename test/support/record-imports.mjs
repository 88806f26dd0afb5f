// `node --import ./test/support/record-imports.mjs …`: appends every package the process imports (a bare
// specifier, e.g. `pg`, `@slack/bolt`) to the file named by RECORD_IMPORTS, one per line, so a test can see
// which packages a real process loaded.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_IMPORTS } });
