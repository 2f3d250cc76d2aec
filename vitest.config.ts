import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'store/**/*.test.ts', 'edge/**/*.test.ts', 'cli/**/*.test.ts', 'config/**/*.test.ts', 'api/**/*.test.ts', 'app/**/*.test.ts', 'bot/**/*.test.ts', 'server/**/*.test.ts', 'tab/src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/fail-on-console-error.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
