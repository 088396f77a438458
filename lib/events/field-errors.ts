import { isAppError } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/translator';
import type { FieldErrors } from '@/lib/validation';
import enEvents from '@/messages/en/events.json';

const OWN_KEYS = new Set(Object.keys(enEvents.errors));

/** A validation key in the reader's language: our own keys live in events.errors, the rest in errors. */
export function errorMessage(key: string, locale: string): string {
  if (OWN_KEYS.has(key)) return getTranslator(locale, 'events')(`errors.${key}`);
  const t = getTranslator(locale, 'errors');
  return t.has(key) ? t(key) : t('generic');
}

export function translateFieldErrors(errors: FieldErrors, locale: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, errorMessage(key, locale)]));
}

/** Domain errors carry "field:key" (or a bare key for the form) in their message; map them for the form. */
export function appErrorToFieldErrors(error: unknown, locale: string): { fieldErrors: FieldErrors; formError?: string } | null {
  if (!isAppError(error)) return null;
  const [field, key] = error.message.includes(':') ? error.message.split(':') : ['form', error.message];
  const map: Record<string, string> = { NOT_FOUND: 'notFound', CLOSED: 'closed', CONFLICT: 'conflict', RATE_LIMITED: 'rateLimited', FORBIDDEN: 'forbidden' };
  const messageKey = key === error.code ? (map[error.code] ?? 'generic') : key!;
  const text = errorMessage(messageKey, locale);
  return field === 'form' ? { fieldErrors: {}, formError: text } : { fieldErrors: { [field!]: text } };
}
