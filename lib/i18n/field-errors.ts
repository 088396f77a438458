import { isAppError } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/translator';
import type { FieldErrors } from '@/lib/validation';

/** Domain error codes that reach a form without a field-specific key. */
const KEY_BY_CODE: Record<string, string> = {
  NOT_FOUND: 'notFound',
  CLOSED: 'closed',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'rateLimited',
  FORBIDDEN: 'forbidden',
  INVALID: 'generic',
};

/**
 * Error texts for one capability's forms, in the reader's language: the capability's own keys
 * live in `<namespace>.errors`, the shared ones in `errors`.
 */
export function fieldErrorTexts(namespace: 'petitions' | 'events' | 'reforms', ownErrors: Record<string, unknown>) {
  const ownKeys = new Set(Object.keys(ownErrors));

  function errorMessage(key: string, locale: string): string {
    if (ownKeys.has(key)) return getTranslator(locale, namespace)(`errors.${key}` as never);
    const t = getTranslator(locale, 'errors');
    return t.has(key as never) ? t(key as never) : t('generic' as never);
  }

  function translateFieldErrors(errors: FieldErrors, locale: string): FieldErrors {
    return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, errorMessage(key, locale)]));
  }

  /** Domain errors carry "field:key" (or a bare key for the form) in their message; map them for the form. */
  function appErrorToFieldErrors(error: unknown, locale: string): { fieldErrors: FieldErrors; formError?: string } | null {
    if (!isAppError(error)) return null;
    const [field, key] = error.message.includes(':') ? error.message.split(':') : ['form', error.message];
    const messageKey = key === error.code ? (KEY_BY_CODE[error.code] ?? 'generic') : key!;
    const text = errorMessage(messageKey, locale);
    return field === 'form' ? { fieldErrors: {}, formError: text } : { fieldErrors: { [field!]: text } };
  }

  return { errorMessage, translateFieldErrors, appErrorToFieldErrors };
}
