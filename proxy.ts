import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { routing } from '@/lib/i18n/routing';
import { petitionPageCacheControl } from '@/lib/petitions/page-cache';
import { REQUEST_ID_HEADER, requestIdFor } from '@/lib/request-id';
import { buildContentSecurityPolicy, createNonce, isEmbedPath } from '@/lib/security/csp';

const handleI18nRouting = createMiddleware(routing);

export default function proxy(request: NextRequest): NextResponse {
  // Under `npm start` scripts/web.ts has set it already; under `next dev` and `next start` it starts here.
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
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
  // Pages (not route handlers, Next's own assets, nor files with an extension: public/).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
