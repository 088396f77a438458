import { getTranslator } from '@/lib/i18n/translator';
import type { FieldErrors } from '@/lib/validation';
import enPetitions from '@/messages/en/petitions.json';

const OWN_KEYS = new Set(Object.keys(enPetitions.errors));

/** A validation key in the reader's language: our own keys live in petitions.errors, the rest in errors. */
export function errorMessage(key: string, locale: string): string {
  if (OWN_KEYS.has(key)) return getTranslator(locale, 'petitions')(`errors.${key}` as never);
  const t = getTranslator(locale, 'errors');
  return t.has(key as never) ? t(key as never) : t('generic' as never);
}

export function translateFieldErrors(errors: FieldErrors, locale: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, errorMessage(key, locale)]));
}
