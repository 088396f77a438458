import type { AppLocale } from '@/lib/i18n/routing';

/**
 * A whole number grouped by thousands as CLDR writes it: "12,345" in English, "12 345" (a no-break
 * space) in Russian and Kazakh. Not `Intl`, for numbers a client component renders: a browser built
 * without Kazakh locale data (Debian's Chromium) formats kk as English, so the text React hydrates
 * would differ from the server's.
 */
export function groupDigits(value: number, locale: AppLocale): string {
  const separator = locale === 'en' ? ',' : '\u00a0';
  return Math.trunc(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
