import { PAGE_CACHE_CONTROL } from '@/lib/petitions/constants';

const CACHEABLE = [/^\/(kk|ru|en)\/petitions\/[a-z0-9-]+$/, /^\/embed\/petitions\/[a-z0-9-]+$/];

/** The headers Next.js varies a page's response on, besides Accept-Encoding: they ask for RSC payloads. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];

type PageRequest = { method: string; pathname: string; header(name: string): string | null | undefined };

/**
 * Whether a request is for a page every visitor sees alike: a plain GET of a public petition page or
 * widget's HTML. RSC payloads of the same URL and anything with a session stay private.
 */
export function isShareablePageRequest({ method, pathname, header }: PageRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (ROUTER_HEADERS.some((name) => header(name))) return false;
  if (/next-auth\.session-token=/.test(header('cookie') ?? '')) return false;
  return CACHEABLE.some((pattern) => pattern.test(pathname));
}

/**
 * The Cache-Control for public petition pages and widgets, or null. Set from proxy.ts, because
 * Next.js marks per-request (nonce) pages no-store unless a header is already there.
 */
export function petitionPageCacheControl(request: { method: string; nextUrl: { pathname: string }; headers: Headers }): string | null {
  const shareable = isShareablePageRequest({
    method: request.method,
    pathname: request.nextUrl.pathname,
    header: (name) => request.headers.get(name),
  });
  return shareable ? PAGE_CACHE_CONTROL : null;
}
