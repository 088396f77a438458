/** The production build, when there is none or the code is newer than it: what scripts/start.ts would do before starting. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { isBuildStale } from './lib/build-freshness';

const ROOT = path.resolve(__dirname, '..');

async function main() {
  if (!(await isBuildStale(ROOT))) {
    console.log('The production build is up to date.');
    return;
  }
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  process.exit(code ?? 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
