import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The commands the tests run as an operator does (npm start, chat, admin) are the compiled build.
    globalSetup: ['test/support/build-once.ts'],
    // Separate processes: native modules (better-sqlite3) and the wasm schema engine keep global state.
    pool: 'forks',
    // Many tests start real servers and child processes on a 2-core machine shared with other work:
    // these are ceilings against hangs, not performance assertions (speed is measured by `npm run bench`).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `npm run test:coverage` (CI): V8's own coverage of the code the tests run in-process (child processes,
    // such as the compiled server some tests start, are not counted), printed as a summary.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'adapters/**/*.ts'],
      exclude: ['src/db/generated/**'],
      reporter: ['text-summary', ['json-summary', { file: 'coverage-summary.json' }]],
    },
  },
});
