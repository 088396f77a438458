import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/database-per-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
