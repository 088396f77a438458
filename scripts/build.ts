/**
 * `npm run build`, and the build `npm start` runs when the code changed: Next.js's production
 * build, then its scripts and styles compressed once for scripts/web.ts to send (lib/built-assets.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { precompressBuiltAssets } from '../lib/built-assets';
import { productionBuildDir } from './lib/build-freshness';

const ROOT = path.resolve(__dirname, '..');
const build = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const started = Date.now();
precompressBuiltAssets(productionBuildDir(ROOT))
  .then(({ files, bytes, brotliBytes }) => {
    const kb = (count: number) => `${Math.round(count / 1024)} KB`;
    console.log(
      `✓ Compressed ${files} scripts and styles (${kb(bytes)} → ${kb(brotliBytes)} with Brotli) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  })
  .catch((error: unknown) => {
    console.error('Compressing the build’s scripts failed:', error);
    process.exit(1);
  });
