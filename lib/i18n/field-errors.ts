import { isDatabaseUnavailable } from '@/lib/database-availability';
import { isAppError } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/translator';
import type { FieldErrors } from '@/lib/validation';

/** What a form shows when its action failed in a way the person can act on. */
export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError: string };

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

  /** A domain error beside its field, or above the form when it names none. */
  function appErrorToFieldErrors(error: unknown, locale: string): { fieldErrors: FieldErrors; formError?: string } | null {
    if (!isAppError(error)) return null;
    const text = errorMessage(error.messageKey, locale);
    return error.field ? { fieldErrors: { [error.field]: text } } : { fieldErrors: {}, formError: text };
  }

  /**
   * The form state for an error the person can act on: a domain error, or a database that is down or
   * overloaded (nothing was stored; the form keeps what they typed and asks them to try again).
   * Anything else is a bug and is rethrown.
   */
  function formStateForError(error: unknown, locale: string): FormFailure {
    if (isDatabaseUnavailable(error)) return { ok: false, fieldErrors: {}, formError: errorMessage('unavailable', locale) };
    const mapped = appErrorToFieldErrors(error, locale);
    if (!mapped) throw error;
    return { ok: false, fieldErrors: mapped.fieldErrors, formError: mapped.formError ?? errorMessage('formHasErrors', locale) };
  }

  return { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError };
}
