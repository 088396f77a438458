import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    // Most files wait on PostgreSQL, SMTP and child processes rather than the CPU: three at a time
    // on two cores (Vitest's default would be one).
    maxWorkers: 3,
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/database-per-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
