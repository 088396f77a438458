import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltAssetServer, precompressBuiltAssets } from './built-assets';

const SCRIPT = `export function greet(name) { return 'Сәлем, ' + name; }\n`.repeat(200);
const STYLE = `.petition { color: #222; margin: 0 auto; }\n`.repeat(100);

let distDir: string;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'dauys-built-assets-'));
  await mkdir(path.join(distDir, 'static/chunks'), { recursive: true });
  await mkdir(path.join(distDir, 'static/media'), { recursive: true });
  await writeFile(path.join(distDir, 'static/chunks/app-1a2b.js'), SCRIPT);
  await writeFile(path.join(distDir, 'static/chunks/tiny.js'), 'export{}');
  await writeFile(path.join(distDir, 'static/chunks/page.css'), STYLE);
  await writeFile(path.join(distDir, 'static/media/font.woff2'), Buffer.alloc(4096, 7));
  // Outside static/: a build's server code, never to be sent.
  await writeFile(path.join(distDir, 'server.js'), SCRIPT);
  await precompressBuiltAssets(distDir);

  const builtAssets = await createBuiltAssetServer(distDir);
  server = createServer((request, response) => {
    if (!builtAssets.serve(request, response)) response.writeHead(299, { 'x-left-to': 'next' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(distDir, { recursive: true, force: true });
});

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** node:http rather than fetch: fetch decodes the body and tidies `..` out of the path. */
function get(urlPath: string, acceptEncoding: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(baseUrl + '/', { method, path: urlPath, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('precompressBuiltAssets', () => {
  it('writes Brotli and gzip copies of scripts and styles only, under static/ only', async () => {
    const written = (await readdir(distDir, { recursive: true })).filter((file) => /\.(br|gz)$/.test(file)).sort();
    expect(written).toEqual(
      ['static/chunks/app-1a2b.js.br', 'static/chunks/app-1a2b.js.gz', 'static/chunks/page.css.br', 'static/chunks/page.css.gz'].map(
        (file) => file.split('/').join(path.sep),
      ),
    );
  });
});

describe('the built asset server', () => {
  it('sends the Brotli copy to a browser that accepts it, with the headers of an immutable script', async () => {
    const response = await get('/_next/static/chunks/app-1a2b.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    });
    const { body } = response;
    expect(Number(response.headers['content-length'])).toBe(body.length);
    expect(body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('sends the gzip copy when Brotli is not accepted or refused with q=0', async () => {
    for (const header of ['gzip, deflate', 'br;q=0, gzip']) {
      const response = await get('/_next/static/chunks/page.css', header);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(gunzipSync(response.body).toString()).toBe(STYLE);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('/_next/static/chunks/app-1a2b.js', 'br', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.body.length).toBe(0);
  });

  it('leaves to Next.js what it has no copy for: no accepted encoding, small or binary files, other paths, writes', async () => {
    const leftToNext = [
      await get('/_next/static/chunks/app-1a2b.js', 'identity'),
      await get('/_next/static/chunks/app-1a2b.js', ''),
      await get('/_next/static/chunks/tiny.js', 'br'),
      await get('/_next/static/media/font.woff2', 'br'),
      await get('/_next/static/chunks/missing.js', 'br'),
      await get('/_next/static/chunks/app-1a2b.js.br', 'br'),
      await get('/_next/static/chunks/../../server.js', 'br'),
      await get('/_next/static/chunks/%2e%2e/%2e%2e/server.js', 'br'),
      await get('/ru/petitions/sexual-harassment-liability', 'br'),
      await get('/_next/static/chunks/app-1a2b.js', 'br', 'POST'),
    ];
    expect(leftToNext.map((response) => response.status)).toEqual(leftToNext.map(() => 299));
  });
});
