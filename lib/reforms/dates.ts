import { TIME_ZONE } from '@/lib/i18n/formats';
import { getFormatter } from '@/lib/i18n/translator';

/**
 * A stage's date in the reader's language, e.g. ru "15 апреля 2024 г.", en "15 April 2024".
 * The day is stored as UTC midnight, which is 05:00 of the same day in Asia/Almaty (UTC+5).
 */
export function formatStageDate(day: Date, locale: string): string {
  return getFormatter(locale).dateTime(day, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
}

/** YYYY-MM-DD of a calendar day stored as UTC midnight. */
export function dateKey(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Monday (YYYY-MM-DD, as UTC midnight) of the week that contains `instant` in Kazakhstan (UTC+5, no DST). */
export function almatyWeekOf(instant: Date): Date {
  const local = new Date(instant.getTime() + 5 * 3600_000);
  const day = (local.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day));
}

/** Today's date (YYYY-MM-DD) in Kazakhstan. */
export function almatyToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}
