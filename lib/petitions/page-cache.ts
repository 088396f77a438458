import { PAGE_CACHE_CONTROL } from '@/lib/petitions/constants';

const CACHEABLE = [/^\/(kk|ru|en)\/petitions\/[a-z0-9-]+$/, /^\/embed\/petitions\/[a-z0-9-]+$/];

/**
 * The Cache-Control for public petition pages and widgets, or null. Set from proxy.ts, because
 * Next.js marks per-request (nonce) pages no-store unless a header is already there. Only for
 * plain GETs of the HTML: RSC payloads of the same URL and anything with a session stay private.
 */
export function petitionPageCacheControl(request: { method: string; nextUrl: { pathname: string }; headers: Headers }): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (request.headers.has('rsc') || request.headers.has('next-router-prefetch')) return null;
  if (/next-auth\.session-token=/.test(request.headers.get('cookie') ?? '')) return null;
  return CACHEABLE.some((pattern) => pattern.test(request.nextUrl.pathname)) ? PAGE_CACHE_CONTROL : null;
}
