import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/*
 * E2E runs against a production build started by the same script as `npm start`, on its own
 * embedded PostgreSQL (fresh data dir) and the local SMTP catcher; specs read caught mail from it.
 */
const PORT = Number(process.env.E2E_PORT ?? 3300);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2535);
export const E2E_DATABASE_URL = `postgresql://dauys:dauys@127.0.0.1:${PG_PORT}/dauys`;
process.env.E2E_DATABASE_URL = E2E_DATABASE_URL;

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  webServer: {
    command: 'rm -rf .data/e2e && node --import tsx scripts/start.ts',
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(PORT),
      DAUYS_DATA_DIR: '.data/e2e',
      DAUYS_PG_PORT: String(PG_PORT),
      DAUYS_SMTP_PORT: String(SMTP_PORT),
      APP_URL: `http://localhost:${PORT}`,
      DATABASE_URL: '',
      SMTP_URL: '',
      // The nginx spec runs the documented setting; specs that call the port directly count as one hop short.
      TRUSTED_PROXY_HOPS: '1',
    },
  },
});
