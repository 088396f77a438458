import { NextRequest, NextResponse } from 'next/server';
import { buildContentSecurityPolicy, createNonce } from '../../../lib/security/csp';

/** The same per-request nonce and policy as Dauys' proxy.ts, without its locale routing. */
export default function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, isDevelopment: false, isHttps: false, frameable: false });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = { matcher: ['/page'] };
