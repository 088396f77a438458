/*
 * The Content-Security-Policy of every page. Scripts run only with the per-request nonce
 * ('strict-dynamic' lets those scripts load the chunks they need); Next.js reads the nonce from the
 * policy on the request and puts it on its own scripts, which is why pages render dynamically.
 */

export const EMBED_PATH_PREFIX = '/embed/';

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(EMBED_PATH_PREFIX);
}

type CspOptions = { nonce: string; isDevelopment: boolean; isHttps: boolean; frameable: boolean };

export function buildContentSecurityPolicy({ nonce, isDevelopment, isHttps, frameable }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // React needs eval in development for its debugging stacks; never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (React `style`, libraries) are low risk; scripts are what matters.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Embeds (petition widgets) are meant to be framed by partner sites; nothing else is.
    `frame-ancestors ${frameable ? '*' : "'none'"}`,
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
