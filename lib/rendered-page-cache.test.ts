import { createServer, get as httpGet, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_CACHE_CONTROL } from '@/lib/petitions/constants';
import { petitionPageCacheControl } from '@/lib/petitions/page-cache';
import { createRenderedPageCache, PAGE_CACHE_HEADER } from '@/lib/rendered-page-cache';
import { buildContentSecurityPolicy, createNonce } from '@/lib/security/csp';

const PAGE = '/kk/petitions/domestic-violence-law';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
/** The compression Next.js's server applies to every response (next.config.js leaves `compress` on). */
const nextCompression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => Middleware;

/**
 * Stands in for Next.js behind scripts/web.ts: a streamed page whose scripts and RSC payload carry the
 * request's nonce, with the headers proxy.ts sets. Each render says how many came before it.
 */
function nextLikeRenderer({ setCookie = false, status = 200, firstRenderMs = 0 } = {}) {
  const calls = { count: 0 };
  const compress = nextCompression();
  async function render(request: IncomingMessage, response: ServerResponse) {
    compress(request, response, () => {});
    calls.count += 1;
    const renderNumber = calls.count;
    const nonce = createNonce();
    const url = new URL(request.url ?? '/', 'http://dauys.test');
    const shareable = petitionPageCacheControl({
      method: request.method ?? 'GET',
      nextUrl: { pathname: url.pathname },
      headers: new Headers(Object.entries(request.headers).map(([name, value]): [string, string] => [name, String(value)])),
    });
    response.setHeader(
      'content-security-policy',
      buildContentSecurityPolicy({ nonce, isDevelopment: false, isHttps: false, frameable: false }),
    );
    response.setHeader('link', `<http://${request.headers.host}${url.pathname}>; rel="alternate"; hreflang="kk"`);
    if (shareable) response.setHeader('cache-control', shareable);
    if (setCookie) response.setHeader('set-cookie', 'seen=1; Path=/');
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.statusCode = status;
    response.write(`<!DOCTYPE html><html lang="kk"><body><h1>Қол қойыңыз</h1><p>render ${renderNumber}</p>`);
    await sleep(renderNumber === 1 ? Math.max(20, firstRenderMs) : 20); // streamed in parts, like Next.js
    response.write(`<script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script>`);
    response.end(`<script nonce="${nonce}" src="/_next/static/chunks/main.js"></script></body></html>`);
  }
  return { render, calls };
}

let server: Server | undefined;

type Answer = { headers: IncomingHttpHeaders; body: Buffer; header(name: string): string | undefined; text(): string };

/** A GET as a browser or load generator sends it (fetch() would neither send Host nor leave gzip alone). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = server!.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          headers: response.headers,
          body,
          header: (name) => {
            const value = response.headers[name];
            return Array.isArray(value) ? value.join(', ') : value;
          },
          text: () => body.toString('utf8'),
        });
      });
    }).on('error', reject);
  });
}

async function serve(render: (request: IncomingMessage, response: ServerResponse) => Promise<void>, ttlMs = 1_000, maxWaitMs = 5_000) {
  const servePage = createRenderedPageCache({ ttlMs, maxWaitMs });
  server = createServer((request, response) => {
    response.setHeader('x-request-id', crypto.randomUUID());
    void servePage(request, response, render);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function nonceOf(response: Answer): string {
  const nonce = /'nonce-([^']+)'/.exec(response.header('content-security-policy') ?? '')?.[1];
  expect(nonce).toBeTruthy();
  return nonce!;
}

describe('the web process keeps a public petition page for a second', () => {
  it('sends it again with a nonce of its own, in the policy and everywhere the render put its own', async () => {
    const { render, calls } = nextLikeRenderer();
    await serve(render);

    const first = await get(PAGE);
    const firstHtml = first.text();
    const second = await get(PAGE);
    const secondHtml = second.text();

    expect(calls.count).toBe(1);
    expect(first.header(PAGE_CACHE_HEADER)).toBe('miss');
    expect(second.header(PAGE_CACHE_HEADER)).toBe('hit');
    const [firstNonce, secondNonce] = [nonceOf(first), nonceOf(second)];
    expect(secondNonce).not.toBe(firstNonce);
    expect(secondHtml).not.toContain(firstNonce);
    expect(secondHtml.split(secondNonce)).toHaveLength(firstHtml.split(firstNonce).length);
    expect(secondHtml).toBe(firstHtml.split(firstNonce).join(secondNonce));
    expect(second.header('cache-control')).toBe(PAGE_CACHE_CONTROL);
    expect(second.header('x-request-id')).not.toBe(first.header('x-request-id'));
    expect(Number(second.header('content-length'))).toBe(second.body.length);
  });

  it('compresses a copy for a browser that accepts gzip', async () => {
    const { render } = nextLikeRenderer();
    await serve(render);
    const first = await get(PAGE);
    const copy = await get(PAGE, { 'accept-encoding': 'gzip, deflate, br' });

    expect(copy.header(PAGE_CACHE_HEADER)).toBe('hit');
    expect(copy.header('content-encoding')).toBe('gzip');
    expect(Number(copy.header('content-length'))).toBe(copy.body.length);
    expect(gunzipSync(copy.body).toString('utf8')).toBe(first.text().split(nonceOf(first)).join(nonceOf(copy)));
  });

  it('sends the render itself compressed to a browser that accepts gzip, and keeps it for the next', async () => {
    const { render, calls } = nextLikeRenderer();
    await serve(render);
    const first = await get(PAGE, { 'accept-encoding': 'gzip, deflate, br' });
    const copy = await get(PAGE);

    expect(calls.count).toBe(1);
    expect(first.header(PAGE_CACHE_HEADER)).toBe('miss');
    expect(first.header('content-encoding')).toBe('gzip');
    const firstHtml = gunzipSync(first.body).toString('utf8');
    expect(firstHtml).toContain('<h1>Қол қойыңыз</h1>');
    expect(copy.header(PAGE_CACHE_HEADER)).toBe('hit');
    expect(copy.header('content-encoding')).toBeUndefined();
    expect(copy.text()).toBe(firstHtml.split(nonceOf(first)).join(nonceOf(copy)));
  });

  it('renders once for requests that arrive while the page renders', async () => {
    const { render, calls } = nextLikeRenderer();
    await serve(render);
    const responses = await Promise.all(Array.from({ length: 20 }, () => get(PAGE)));
    const nonces = responses.map(nonceOf);

    expect(calls.count).toBe(1);
    expect(new Set(nonces).size).toBe(20);
    expect(responses.map((response) => response.header(PAGE_CACHE_HEADER)).sort()).toEqual([...Array(19).fill('hit'), 'miss']);
  });

  it('does not hold requests up behind a render that takes too long: they render for themselves', async () => {
    const { render, calls } = nextLikeRenderer({ firstRenderMs: 600 });
    await serve(render, 1_000, 100);
    const slow = get(PAGE);
    await sleep(20);
    const started = Date.now();
    const other = await get(PAGE);
    expect(Date.now() - started).toBeLessThan(500);
    expect(other.header(PAGE_CACHE_HEADER)).not.toBe('hit');
    expect(other.text()).toContain('render 2');
    expect((await slow).text()).toContain('render 1');
    expect(calls.count).toBe(2);
  });

  it('renders again once the copy is older than its time', async () => {
    const { render, calls } = nextLikeRenderer();
    await serve(render, 100);
    expect((await get(PAGE)).text()).toContain('render 1');
    expect((await get(PAGE)).text()).toContain('render 1');
    await sleep(150);
    expect((await get(PAGE)).text()).toContain('render 2');
    expect(calls.count).toBe(2);
  });

  it('keeps a copy per host, since the page links to itself by the host it was asked for', async () => {
    const { render, calls } = nextLikeRenderer();
    await serve(render);
    await get(PAGE, { host: 'dauys.kz' });
    const other = await get(PAGE, { host: 'evil.example' });
    expect(other.header(PAGE_CACHE_HEADER)).toBe('miss');
    expect(other.header('link')).toContain('evil.example');
    expect((await get(PAGE, { host: 'dauys.kz' })).header('link')).toContain('dauys.kz');
    expect(calls.count).toBe(2);
  });

  const renderedEveryTime: Array<
    [string, { path?: string; headers?: Record<string, string>; renderer?: Parameters<typeof nextLikeRenderer>[0] }]
  > = [
    ['a signed-in organizer', { headers: { cookie: 'next-auth.session-token=abc' } }],
    ['an RSC payload (client navigation)', { headers: { rsc: '1' } }],
    ['a query string', { path: `${PAGE}?from=share` }],
    ['a page that is not public (the sign form, with its flash cookie)', { path: `${PAGE}/sign` }],
    ['a response that sets a cookie', { renderer: { setCookie: true } }],
    ['a 404', { path: '/kk/petitions/no-such-petition', renderer: { status: 404 } }],
  ];
  for (const [what, { path = PAGE, headers = {}, renderer }] of renderedEveryTime) {
    it(`renders every time for ${what}`, async () => {
      const { render, calls } = nextLikeRenderer(renderer);
      await serve(render);
      const first = await get(path, headers);
      const second = await get(path, headers);
      expect(calls.count).toBe(2);
      expect([first.header(PAGE_CACHE_HEADER), second.header(PAGE_CACHE_HEADER)]).not.toContain('hit');
      expect(nonceOf(second)).not.toBe(nonceOf(first));
    });
  }
});
