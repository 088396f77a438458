import { createFormatter, createTranslator } from 'use-intl/core';
import { env } from '@/lib/env';
import { formats, type DateTimeFormatName } from '@/lib/i18n/formats';
import { loadMessages } from '@/lib/i18n/messages';
import type { Namespace } from '@/lib/i18n/namespaces';
import { isAppLocale, routing, type AppLocale } from '@/lib/i18n/routing';
import { KAZAKHSTAN_TIME_ZONE } from '@/lib/time/kazakhstan';
import { log } from '@/lib/log';

/*
 * Translation outside a request (emails, jobs, scripts), where next-intl's request config is not
 * available. `createTranslator` is the function next-intl re-exports from use-intl; it is imported
 * from use-intl/core so plain Node (tsx, vitest) does not load next-intl's React client entry.
 */

function toLocale(locale: string): AppLocale {
  return isAppLocale(locale) ? locale : routing.defaultLocale;
}

function onError(error: Error): void {
  // A missing message is a bug in the catalog; fail loudly in tests, keep serving in production.
  if (env.NODE_ENV !== 'production') throw error;
  log.error({ component: 'i18n', err: error }, 'missing or broken message');
}

/** A translator of one namespace, its keys checked against the catalogue (types/next-intl.d.ts). */
export function getTranslator<N extends Namespace>(locale: string, namespace: N) {
  const appLocale = toLocale(locale);
  return createTranslator({
    locale: appLocale,
    messages: loadMessages(appLocale),
    namespace,
    timeZone: KAZAKHSTAN_TIME_ZONE,
    formats,
    onError,
  });
}

/** What `getTranslator` returns for namespace `N`. */
export type Translator<N extends Namespace> = ReturnType<typeof getTranslator<N>>;

export function getFormatter(locale: string) {
  return createFormatter({ locale: toLocale(locale), timeZone: KAZAKHSTAN_TIME_ZONE, formats });
}

/** e.g. kk "25 қараша 2025, 18:00", ru "25 ноября 2025 г., 18:00", en "25 November 2025 at 18:00". */
export function formatDateTime(date: Date, locale: string): string {
  return getFormatter(locale).dateTime(date, 'dateTime');
}

/** A date in one of the named formats of lib/i18n/formats.ts; `dateColumn` for a @db.Date value. */
export function formatDate(date: Date, locale: string, format: DateTimeFormatName = 'short'): string {
  return getFormatter(locale).dateTime(date, format);
}

export function formatTime(date: Date, locale: string): string {
  return getFormatter(locale).dateTime(date, 'time');
}

export function formatNumber(value: number, locale: string): string {
  return getFormatter(locale).number(value, 'integer');
}
