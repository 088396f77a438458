import { defineRouting } from 'next-intl/routing';
import { LOCALES } from '@/lib/i18n/locales';

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: 'kk',
  localePrefix: 'always',
  // No cookie: public pages stay cacheable by a CDN (a Set-Cookie makes them private), and a
  // shared or watched phone keeps no trace of the visit. `/` follows Accept-Language instead.
  localeCookie: false,
});

export type AppLocale = (typeof routing.locales)[number];

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (routing.locales as readonly string[]).includes(value);
}

/** Own names of the languages, for the switcher: each shown in its own language. */
export const LOCALE_NAMES: Record<AppLocale, string> = {
  kk: 'Қазақша',
  ru: 'Русский',
  en: 'English',
};
