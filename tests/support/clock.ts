import { addDays, kazakhstanDateKey } from '@/lib/time/kazakhstan';

/**
 * Kazakhstan's date when this test file was loaded, by the real clock (which faketime may move).
 * Fixtures that must still lie ahead, such as events open for RSVPs and campaigns that accept
 * submissions, are placed relative to it, so the suite passes whatever the date. Read once, so a
 * file that runs across midnight in Almaty keeps one date.
 */
export const TODAY_IN_KAZAKHSTAN = kazakhstanDateKey(new Date());

/** The Kazakhstan date `days` after TODAY_IN_KAZAKHSTAN (before it if negative), as YYYY-MM-DD. */
export function kazakhstanDateFromToday(days: number): string {
  return addDays(TODAY_IN_KAZAKHSTAN, days);
}
