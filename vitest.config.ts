import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Separate processes: native modules (better-sqlite3) and the wasm schema engine keep global state.
    pool: 'forks',
  },
});
