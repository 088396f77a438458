/**
 * `npm test`: lint, formatting, types, Vitest and Playwright, exiting non-zero when any of them fails.
 * The three static checks run side by side: each keeps one core busy, and CI has two. Vitest then
 * runs alone: it keeps both cores busy, and the production build beside it slowed it by more than
 * the build took (591 s against 427, build 242 s against 75).
 */
import { runPhases, type Step } from './lib/run-phases';

const npm = (name: string, script: string, live = false): Step => ({ name, command: 'npm', args: ['run', '--silent', script], live });

const phases: Step[][] = [
  [npm('lint', 'lint'), npm('format', 'format:check'), npm('types', 'typecheck')],
  [npm('unit', 'test:unit', true)],
  [npm('end-to-end', 'test:e2e', true)],
];

runPhases(phases).then((code) => process.exit(code));
