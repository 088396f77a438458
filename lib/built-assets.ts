import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { acceptedEncodings, type Encoding } from '@/lib/accepted-encodings';

/*
 * The build's scripts and styles (/_next/static/, named by their content), compressed once after
 * the build, with Brotli at its best and gzip at level 9, and sent from memory. Next.js compresses
 * them anew for every download, with gzip only: a phone on a slow network waits for a seventh
 * more bytes, and the server spends more CPU on a first visitor's scripts than on the page
 * (docs/benchmarks.md). Any file or encoding not found here is left to Next.js.
 * This file imports nothing of Next.js: scripts/web.ts loads it before Next.js is set up.
 */

export const BUILT_ASSETS_PREFIX = '/_next/static/';
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};
/** What browsers use from a file name that holds a hash of its content. */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Smaller files gain less from compression than their headers cost. */
const MIN_BYTES = 512;

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };
const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => promisify(gzip)(body, { level: zlib.Z_BEST_COMPRESSION }),
};

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const isCompressible = (file: string) => path.extname(file) in CONTENT_TYPES;

/**
 * Writes `<file>.br` and `<file>.gz` beside each script and style of the build in `distDir`, where
 * they are smaller than the file. Returns the bytes before and after, for the build's log.
 */
export async function precompressBuiltAssets(distDir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files = (await filesUnder(path.join(distDir, 'static'))).filter(isCompressible);
  const totals = { files: 0, bytes: 0, brotliBytes: 0 };
  // zlib's work runs on libuv's thread pool: a few files at a time keep its threads busy.
  const queue = [...files];
  const compressNext = async (): Promise<void> => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const body = await readFile(file);
      if (body.length < MIN_BYTES) continue;
      totals.files += 1;
      totals.bytes += body.length;
      for (const encoding of ['br', 'gzip'] as const) {
        const compressed = await compressors[encoding](body);
        if (encoding === 'br') totals.brotliBytes += Math.min(compressed.length, body.length);
        if (compressed.length < body.length) await writeFile(file + SUFFIX[encoding], compressed);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, compressNext));
  return totals;
}

type CompressedAsset = { contentType: string; bodies: Partial<Record<Encoding, Buffer>> };

/**
 * Serves the compressed copies `precompressBuiltAssets` wrote, read into memory at start (about
 * 600 KB for the whole build). `serve` answers a GET or HEAD for one of them and returns true, or
 * returns false and leaves the request to Next.js. Only files found in the build folder at start
 * are served, by their exact path.
 */
export async function createBuiltAssetServer(distDir: string) {
  const staticDir = path.join(distDir, 'static');
  const assets = new Map<string, CompressedAsset>();
  const files = new Set(await filesUnder(staticDir));
  for (const file of files) {
    const contentType = CONTENT_TYPES[path.extname(file)];
    if (!contentType) continue;
    const bodies: CompressedAsset['bodies'] = {};
    for (const encoding of ['br', 'gzip'] as const) {
      if (files.has(file + SUFFIX[encoding])) bodies[encoding] = await readFile(file + SUFFIX[encoding]);
    }
    if (!bodies.br && !bodies.gzip) continue;
    const urlPath = BUILT_ASSETS_PREFIX + path.relative(staticDir, file).split(path.sep).join('/');
    assets.set(urlPath, { contentType, bodies });
  }

  return {
    serve(request: IncomingMessage, response: ServerResponse): boolean {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const url = request.url ?? '';
      if (!url.startsWith(BUILT_ASSETS_PREFIX)) return false;
      const [pathname = ''] = url.split('?');
      const asset = assets.get(pathname);
      const encoding = asset && acceptedEncodings(request.headers['accept-encoding']).find((accepted) => asset.bodies[accepted]);
      const body = encoding && asset.bodies[encoding];
      if (!body) return false;
      response.writeHead(200, {
        'Content-Type': asset.contentType,
        'Content-Encoding': encoding,
        'Content-Length': body.length,
        'Cache-Control': CACHE_CONTROL,
        Vary: 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
