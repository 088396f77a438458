/**
 * `npm test`: lint, formatting, types, Vitest and Playwright, exiting non-zero when any of them fails.
 * Steps that share nothing run side by side (CI has two cores): the three static checks together,
 * then Vitest beside the production build the end-to-end tests start on (scripts/start.ts finds it
 * fresh and skips its own), then Playwright.
 */
import { runPhases, type Step } from './lib/run-phases';

const npm = (name: string, script: string, live = false): Step => ({ name, command: 'npm', args: ['run', '--silent', script], live });

const phases: Step[][] = [
  [npm('lint', 'lint'), npm('format', 'format:check'), npm('types', 'typecheck')],
  [npm('unit', 'test:unit', true), { name: 'build', command: process.execPath, args: ['--import', 'tsx', 'scripts/build.ts'] }],
  [npm('end-to-end', 'test:e2e', true)],
];

runPhases(phases).then((code) => process.exit(code));
