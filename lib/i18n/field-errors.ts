import { isDatabaseUnavailable } from '@/lib/database-availability';
import { isAppError } from '@/lib/errors';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { getTranslator } from '@/lib/i18n/translator';
import { fieldErrorKeys, type FieldErrors } from '@/lib/validation';
import type { z } from 'zod';

/** What was typed into a form, by field name (a field sent several times, like checkboxes, as a list). */
export type SubmittedValues = Record<string, string | string[]>;

/**
 * What a form shows when its action failed in a way the person can act on. `values` is what they
 * sent, so a page rendered without JavaScript shows the form as they left it
 * (app/_components/form-kit.tsx).
 */
export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError: string; values?: SubmittedValues };

/** The fields of a posted form, the honeypot left out (a bot should not see its own answer again). */
export function submittedValues(formData: FormData | undefined): SubmittedValues | undefined {
  if (!formData) return undefined;
  const values: SubmittedValues = {};
  for (const name of new Set(formData.keys())) {
    if (name === 'website' || name.startsWith('$ACTION')) continue;
    const all = formData.getAll(name).filter((value): value is string => typeof value === 'string');
    values[name] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

/**
 * Error texts for one capability's forms, in the reader's language: the capability's own keys
 * live in `<namespace>.errors`, the shared ones in `errors` (a form with no namespace uses only those).
 */
export function fieldErrorTexts(namespace: 'petitions' | 'events' | 'reforms' | null, ownErrors: Record<string, unknown>) {
  const ownKeys = new Set(Object.keys(ownErrors));

  function errorMessage(key: string, locale: string): string {
    if (namespace && ownKeys.has(key)) {
      const own = getTranslator(locale, namespace);
      const ownKey = `errors.${key}`;
      if (hasMessage(own, ownKey)) return own(ownKey);
    }
    const t = getTranslator(locale, 'errors');
    return hasMessage(t, key) ? t(key) : t('generic');
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
  function formStateForError(error: unknown, locale: string, formData?: FormData): FormFailure {
    const values = submittedValues(formData);
    if (isDatabaseUnavailable(error)) return { ok: false, fieldErrors: {}, formError: errorMessage('unavailable', locale), values };
    const mapped = appErrorToFieldErrors(error, locale);
    if (!mapped) throw error;
    return { ok: false, fieldErrors: mapped.fieldErrors, formError: mapped.formError ?? errorMessage('formHasErrors', locale), values };
  }

  /** The form state for input the schema refused: each error beside its field. */
  function invalidFormState(error: z.ZodError, locale: string, formData?: FormData): FormFailure {
    return {
      ok: false,
      fieldErrors: translateFieldErrors(fieldErrorKeys(error), locale),
      formError: errorMessage('formHasErrors', locale),
      values: submittedValues(formData),
    };
  }

  return { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError, invalidFormState };
}

/** For forms whose errors are all shared ones (sign-in, console forms without a namespace of their own). */
export const sharedFormErrors = fieldErrorTexts(null, {});
