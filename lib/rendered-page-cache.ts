import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { constants as zlib, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { acceptedEncodings } from '@/lib/accepted-encodings';
import { withDeadline } from '@/lib/deadline';
import { isShareablePageRequest } from '@/lib/petitions/page-cache';
import { createTtlCache } from '@/lib/petitions/ttl-cache';
import { createNonce } from '@/lib/security/csp';

/*
 * Public petition pages, kept by each web process for a second and sent again with a new nonce.
 * A viral petition is one page asked for thousands of times a second, and rendering it is most of
 * what a view costs (docs/benchmarks.md). Only what the app itself marks shareable is kept (a 200
 * with `public, s-maxage`, no cookie set: what nginx or a CDN may keep for 5 s), keyed by the host
 * it was rendered for. Each copy carries a nonce of its own, in the policy and in every place the
 * render put the kept one, so no two responses share a nonce. The kept nonce is never sent: it is
 * 128 random bits no one outside this process has seen, so text on the page cannot carry it.
 * This file imports nothing of Next.js: scripts/web.ts loads it before Next.js is set up.
 */

export const RENDERED_PAGE_TTL_MS = 1_000;
/** A request waits this long for another's render of the page before it renders for itself. */
const MAX_WAIT_MS = 5_000;
/** Three languages of a few dozen petitions; a made-up slug is a 404, which is never kept. */
const MAX_PAGES = 300;
/** `hit` on a kept copy, `miss` on a render that could be kept. */
export const PAGE_CACHE_HEADER = 'x-page-cache';

/** The body is kept cut at the kept nonce, once, so that each copy only joins the parts with its own. */
type RenderedPage = { status: number; headers: Array<[string, string | string[]]>; bodyParts: Buffer[]; nonce: string };
type Render = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]+)'/;
/** Set anew for each response (by web.ts, this file or Node), never copied from the render. */
const PER_RESPONSE_HEADERS = new Set([
  'x-request-id',
  PAGE_CACHE_HEADER,
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

const DECODERS: Record<string, ((body: Buffer) => Buffer) | undefined> = {
  identity: (body) => body,
  gzip: (body) => gunzipSync(body),
  deflate: (body) => inflateSync(body),
};

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function cacheKey(request: IncomingMessage): string | null {
  const url = request.url ?? '';
  if (request.method !== 'GET' || url.includes('?')) return null;
  if (!isShareablePageRequest({ method: 'GET', pathname: url, header: (name) => headerOf(request, name) })) return null;
  // Next.js builds absolute links (the Link header's other languages) from these.
  return [headerOf(request, 'host'), headerOf(request, 'x-forwarded-host'), headerOf(request, 'x-forwarded-proto'), url].join('\n');
}

function chunkToBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return Buffer.from(chunk as Uint8Array);
}

/**
 * Renders into this response as usual, and returns a copy to keep when the app marked it shareable,
 * else null: then requests for it render for themselves until the entry expires.
 */
async function renderAndKeep(request: IncomingMessage, response: ServerResponse, render: Render): Promise<RenderedPage | null> {
  response.setHeader(PAGE_CACHE_HEADER, 'miss');
  const chunks: Buffer[] = [];
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    chunks.push(chunkToBuffer(chunk, rest[0]));
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(chunkToBuffer(chunk, rest[0]));
    return end(chunk, ...rest);
  }) as ServerResponse['end'];

  await render(request, response);
  try {
    await finished(response);
  } catch {
    return null; // the client went away before the page was complete
  }

  const headers = response.getHeaders();
  const cacheControl = String(headers['cache-control'] ?? '');
  const shareable = /\bpublic\b/.test(cacheControl) && /\bs-maxage=/.test(cacheControl);
  const nonce = NONCE_IN_POLICY.exec(String(headers['content-security-policy'] ?? ''))?.[1];
  const isHtml = String(headers['content-type'] ?? '').startsWith('text/html');
  if (response.statusCode !== 200 || !shareable || !nonce || !isHtml) return null;
  if (headers['set-cookie'] !== undefined) return null;
  // Next.js compressed this response for its client (gzip or deflate, as asked); the copy is kept
  // plain, so that each can carry its own nonce.
  const decode = DECODERS[String(headers['content-encoding'] ?? 'identity')];
  if (!decode) return null;
  return {
    status: response.statusCode,
    headers: Object.entries(headers)
      .filter(([name]) => !PER_RESPONSE_HEADERS.has(name))
      .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]),
    bodyParts: decode(Buffer.concat(chunks))
      .toString('utf8')
      .split(nonce)
      .map((part) => Buffer.from(part)),
    nonce,
  };
}

function sendCopy(page: RenderedPage, request: IncomingMessage, response: ServerResponse): void {
  const nonce = createNonce();
  const renew = (text: string) => text.split(page.nonce).join(nonce);
  for (const [name, value] of page.headers) response.setHeader(name, Array.isArray(value) ? value.map(renew) : renew(value));
  const nonceBytes = Buffer.from(nonce);
  let body = Buffer.concat(page.bodyParts.flatMap((part, index) => (index === 0 ? [part] : [nonceBytes, part])));
  if (acceptedEncodings(request.headers['accept-encoding']).includes('gzip')) {
    // Compressed for each copy, since the nonce differs: the fastest level halves that CPU (0.6
    // against 1.2 ms for a 49 KB page) for a sixth more bytes.
    body = gzipSync(body, { level: zlib.Z_BEST_SPEED });
    response.setHeader('content-encoding', 'gzip');
  }
  response.setHeader('content-length', body.length);
  response.setHeader(PAGE_CACHE_HEADER, 'hit');
  response.statusCode = page.status;
  response.end(body);
}

/**
 * Wraps Next.js's request handler: a shareable page asked for again within the second is sent from
 * the copy; requests for the same page while it renders wait for that render (a few seconds at most:
 * one stuck render must not hold up everyone) instead of starting their own. Everything else goes to
 * Next.js untouched.
 */
export function createRenderedPageCache({ ttlMs = RENDERED_PAGE_TTL_MS, maxPages = MAX_PAGES, maxWaitMs = MAX_WAIT_MS } = {}) {
  const pages = createTtlCache<RenderedPage | null>(ttlMs, { maxEntries: maxPages });

  return async function serve(request: IncomingMessage, response: ServerResponse, render: Render): Promise<void> {
    const key = cacheKey(request);
    if (key === null) return render(request, response);
    let renderedHere = false;
    let page: RenderedPage | null;
    try {
      const kept = pages.get(key, () => {
        renderedHere = true;
        return renderAndKeep(request, response, render);
      });
      page = renderedHere ? await kept : await withDeadline(kept, maxWaitMs, 'the render this request waited for');
    } catch (error) {
      if (renderedHere) throw error;
      page = null; // the render this request waited for failed or took too long: it renders for itself
    }
    if (renderedHere) return;
    if (page) sendCopy(page, request, response);
    else await render(request, response);
  };
}
