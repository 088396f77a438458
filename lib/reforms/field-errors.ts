import { isAppError } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/translator';
import type { FieldErrors } from '@/lib/validation';
import enReforms from '@/messages/en/reforms.json';

const OWN_KEYS = new Set(Object.keys(enReforms.errors));

/** A validation key in the reader's language: our own keys live in reforms.errors, the rest in errors. */
export function errorMessage(key: string, locale: string): string {
  if (OWN_KEYS.has(key)) return getTranslator(locale, 'reforms')(`errors.${key}`);
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
  const byCode: Record<string, string> = { NOT_FOUND: 'notFound', CONFLICT: 'conflict', RATE_LIMITED: 'rateLimited', FORBIDDEN: 'forbidden', INVALID: 'generic' };
  const messageKey = key === error.code ? (byCode[error.code] ?? 'generic') : key!;
  const text = errorMessage(messageKey, locale);
  return field === 'form' ? { fieldErrors: {}, formError: text } : { fieldErrors: { [field!]: text } };
}
