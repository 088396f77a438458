import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/*
 * The calendar-bound tests (the demo seed, the 16 Days, Kazakhstan dates, RSVPs and notices) run
 * again with every process's clock moved through libfaketime (scripts/test-at-date.sh), at a date
 * after the 16 Days and on a leap day. The whole suite at more dates: docs/testing.md.
 */
const ROOT = path.resolve(__dirname, '../..');
const hasFaketime = spawnSync('sh', ['-c', 'command -v faketime']).status === 0;
const CALENDAR_TESTS = ['tests/events/seed.test.ts', 'tests/events/rsvp-answers.test.ts', 'tests/petitions/seed.test.ts', 'lib/events'];

describe.skipIf(!hasFaketime && !process.env.CI)('the calendar at other dates', () => {
  test.each(['2027-12-20', '2028-02-29 03:00Z'])(
    'passes at %s',
    (date) => {
      const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
      for (const name of Object.keys(env)) {
        if (/^(VITEST|DATABASE_URL$|NODE_ENV$|TEST$)/.test(name)) delete env[name];
      }
      const result = spawnSync('bash', ['scripts/test-at-date.sh', date, 'node_modules/.bin/vitest', 'run', ...CALENDAR_TESTS], {
        cwd: ROOT,
        env: env as NodeJS.ProcessEnv,
        encoding: 'utf8',
        timeout: 240_000,
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(output).toMatch(new RegExp(`at ${date.slice(0, 10)}`));
      expect(output).toMatch(/Tests\s+\d+ passed/);
      expect(result.status, output.slice(-3_000)).toBe(0);
    },
    250_000,
  );
});
