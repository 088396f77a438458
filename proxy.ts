import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { routing } from '@/lib/i18n/routing';
import { petitionPageCacheControl } from '@/lib/petitions/page-cache';
import { REQUEST_ID_HEADER, requestIdFor } from '@/lib/request-id';
import { buildContentSecurityPolicy, createNonce, isEmbedPath } from '@/lib/security/csp';

const handleI18nRouting = createMiddleware(routing);

export default function proxy(request: NextRequest): NextResponse {
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  if (request.nextUrl.pathname.startsWith('/api/')) {
    // Route handlers: only the request id (no page, so no nonce; no locale prefix).
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(REQUEST_ID_HEADER, requestId);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }

  const nonce = createNonce();
  const embed = isEmbedPath(request.nextUrl.pathname);
  const policy = buildContentSecurityPolicy({
    nonce,
    isDevelopment: env.NODE_ENV === 'development',
    isHttps: env.APP_URL.startsWith('https://'),
    frameable: embed,
  });

  // Next.js takes the nonce for its scripts from the policy on the request, so both go forward.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  // Embeds live outside the locale prefix (/embed/...): no locale redirect for them.
  const response = embed
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : handleI18nRouting(new NextRequest(request.url, { headers: requestHeaders, method: request.method }));

  response.headers.set('Content-Security-Policy', policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  const cacheControl = petitionPageCacheControl(request);
  if (cacheControl) response.headers.set('Cache-Control', cacheControl);
  return response;
}

export const config = {
  // Pages (not Next's own assets, nor files with an extension: public/), and route handlers for their request id.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)', '/api/:path*'],
};
