/**
 * vitest global set-up: brings dist/app/ up to date once before the test files run, so that the tests that run
 * the compiled commands (as `npm start` does) do not each find it stale and rebuild it at the same time.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed (npm run build shows why)');
}
