import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from '@playwright/test';

export const ROOT = path.resolve(__dirname, '../..');

export type LauncherPorts = {
  port: number;
  postgresPort: number;
  smtpPort: number;
  dataDir: string;
  env?: Record<string, string>;
  /** `['--dev']` for `npm run dev`. */
  args?: string[];
};

/** `npm start` as a person runs it (its own data folder and ports), in its own process group. */
export function startDauys(
  { port, postgresPort, smtpPort, dataDir, env = {}, args = [] }: LauncherPorts,
  output: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', output, output],
    env: {
      ...process.env,
      PORT: String(port),
      DAUYS_DATA_DIR: dataDir,
      DAUYS_PG_PORT: String(postgresPort),
      DAUYS_SMTP_PORT: String(smtpPort),
      APP_URL: `http://localhost:${port}`,
      WEB_PROCESSES: '2',
      DATABASE_URL: '',
      SMTP_URL: '',
      ...env,
    },
  });
}

export async function waitUntilHealthy(port: number) {
  await expect
    .poll(async () => (await fetch(`http://localhost:${port}/api/health`).catch(() => null))?.status ?? 0, {
      timeout: 120_000,
      intervals: [500],
    })
    .toBe(200);
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}
