import type { FieldErrors } from '@/lib/validation';

/**
 * Without JavaScript the form POSTs to the route handler; on an error the handler redirects to the
 * form page and carries the typed values and error keys in a short-lived cookie scoped to that page
 * (never in the URL, which proxies and logs keep). The cacheable petition page never reads it.
 */
export const FLASH_COOKIE = 'petition-sign-form';

export type SignFormFlash = { values: Record<string, string | boolean>; errors: FieldErrors; formError?: string };

export function encodeFlash(flash: SignFormFlash): string {
  return Buffer.from(JSON.stringify(flash)).toString('base64url');
}

export function decodeFlash(value: string | undefined): SignFormFlash | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as SignFormFlash;
    return parsed && typeof parsed === 'object' && parsed.values && parsed.errors ? parsed : null;
  } catch {
    return null;
  }
}

export function signFormPath(locale: string, slug: string): string {
  return `/${locale}/petitions/${encodeURIComponent(slug)}/sign`;
}

export function checkEmailPath(locale: string, slug: string): string {
  return `/${locale}/petitions/${encodeURIComponent(slug)}/check-email`;
}
