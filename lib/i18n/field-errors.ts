import { isDatabaseUnavailable } from '@/lib/database-availability';
import { isAppError } from '@/lib/errors';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { loadNamespace } from '@/lib/i18n/messages';
import type { Namespace } from '@/lib/i18n/namespaces';
import { isAppLocale, routing, type AppLocale } from '@/lib/i18n/routing';
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

/** A form whose page stays after it worked (a console editor): done, with a notice when there is more to say. */
export type FormSuccess = { ok: true; notice?: string };

/** The state of a form that stays on its page: nothing sent yet, refused, or done. */
export type FormState = FormFailure | FormSuccess | null;

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
 * The object a schema parses from a posted form: a nested field arrives as "title.kk" and becomes
 * `{ title: { kk } }`; the fields named in `lists` (a group of checkboxes) are lists even when one
 * box or none was ticked.
 */
export function formInput(formData: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    const path = name.split('.');
    let node = input;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
  };
  for (const name of lists) put(name, formData.getAll(name));
  for (const name of new Set(formData.keys())) {
    if (!lists.includes(name) && !name.startsWith('$ACTION')) put(name, formData.get(name));
  }
  return input;
}

/** Where a capability's own error texts live: in `<namespace>.errors`. */
export type ErrorNamespace = 'petitions' | 'events' | 'reforms' | 'campaigns.console' | 'console.organizers';

/**
 * Error texts for one capability's forms, in the reader's language: the capability's own keys
 * live in `<namespace>.errors`, the shared ones in `errors` (a form with no namespace uses only those).
 */
export function fieldErrorTexts(namespace: ErrorNamespace | null, ownErrors: Record<string, unknown>) {
  const ownKeys = new Set(Object.keys(ownErrors));
  const [file, ...within] = namespace ? namespace.split('.') : [];

  function errorMessage(key: string, locale: string): string {
    if (file && ownKeys.has(key)) {
      const own = getTranslator(locale, file as Namespace);
      const ownKey = [...within, 'errors', key].join('.');
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

  /**
   * Every error text this capability's forms can show, by key, for a public page's client form: public
   * pages load no translator in the browser, so the server hands their forms the texts.
   */
  const errorTextsByLocale = new Map<AppLocale, ErrorTexts>();
  function errorTexts(locale: string): ErrorTexts {
    // The same for every request in a language; each key would otherwise build two translators per render.
    const appLocale = isAppLocale(locale) ? locale : routing.defaultLocale;
    let texts = errorTextsByLocale.get(appLocale);
    if (!texts) {
      const keys = new Set([...Object.keys(loadNamespace(appLocale, 'errors')), ...ownKeys]);
      texts = Object.fromEntries([...keys].map((key) => [key, errorMessage(key, appLocale)]));
      errorTextsByLocale.set(appLocale, texts);
    }
    return texts;
  }

  return { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError, invalidFormState, errorTexts };
}

/** Error texts by key (a zod message or an AppError key), with `generic` for any other. */
export type ErrorTexts = Record<string, string>;

/** For forms whose errors are all shared ones (sign-in, console forms without a namespace of their own). */
export const sharedFormErrors = fieldErrorTexts(null, {});
