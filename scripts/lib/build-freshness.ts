import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const SOURCES = [
  'app',
  'lib',
  'emails',
  'messages',
  'public',
  'next.config.js',
  'proxy.ts',
  'instrumentation.ts',
  'package-lock.json',
  'tsconfig.json',
];
const SKIP = new Set(['generated', 'node_modules']);

async function newestMtime(target: string): Promise<number> {
  if (!existsSync(target)) return 0;
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** The production build's folder, as next.config.js names it (NEXT_DIST_DIR, or `.next`). */
export function productionBuildDir(root: string): string {
  return path.join(root, process.env.NEXT_DIST_DIR || '.next');
}

/** True when there is no production build, or a source file is newer than it. */
export async function isBuildStale(root: string): Promise<boolean> {
  const buildId = path.join(productionBuildDir(root), 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = (await stat(buildId)).mtimeMs;
  const sources = await Promise.all(SOURCES.map((source) => newestMtime(path.join(root, source))));
  return Math.max(...sources) > builtAt;
}
