/*
 * Which of the encodings the web server can send a request accepts. Shared by the build's
 * compressed scripts (lib/built-assets.ts) and the kept page copies (lib/rendered-page-cache.ts).
 * This file imports nothing of Next.js: scripts/web.ts loads both before Next.js is set up.
 */

export type Encoding = 'br' | 'gzip';

/** The encodings an Accept-Encoding header accepts (a q of 0 refuses one), best first. */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const quality = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (token && !(quality && Number(quality.slice(2)) === 0)) accepted.add(token);
  }
  return (['br', 'gzip'] as const).filter((encoding) => accepted.has(encoding));
}
