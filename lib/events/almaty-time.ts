/*
 * Kazakhstan's calendar arithmetic in one place. Times are stored in UTC and shown in Asia/Almaty:
 * one zone for the whole country, UTC+5 with no daylight saving, since 1 March 2024; Almaty (and
 * Astana) were UTC+6 before. The offsets are written here so date keys never depend on the server's
 * zone or its tz database; the Intl formatters (lib/i18n/formats.ts) use the IANA name for display.
 */

export const KAZAKHSTAN_TIME_ZONE = 'Asia/Almaty';
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** 1 March 2024 00:00 in Almaty under the old offset: from this instant on the clocks read UTC+5. */
const SINGLE_ZONE_SINCE = Date.parse('2024-02-29T18:00:00Z');
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Almaty's offset from UTC at an instant (+6 before 1 March 2024, +5 since). */
function offsetAt(instant: number): number {
  return (instant < SINGLE_ZONE_SINCE ? 6 : 5) * HOUR_MS;
}

/** Almaty's offset for a wall-clock time read as if it were UTC (the change happened at local midnight). */
function offsetOfLocal(localAsUtc: number): number {
  return (localAsUtc < Date.parse('2024-03-01T00:00:00Z') ? 6 : 5) * HOUR_MS;
}

function toLocal(instant: Date): Date {
  return new Date(instant.getTime() + offsetAt(instant.getTime()));
}

/** The Kazakhstan calendar date of an instant, as YYYY-MM-DD. */
export function almatyDateKey(instant: Date): string {
  return toLocal(instant).toISOString().slice(0, 10);
}

/** A date column (@db.Date, read as UTC midnight) as YYYY-MM-DD. */
export function dateColumnKey(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function isDateKey(value: string): boolean {
  const match = DATE_KEY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && dateColumnKey(date) === value;
}

/** The UTC instant at which a Kazakhstan date begins (00:00 in Almaty = 19:00 UTC the day before). */
export function startOfAlmatyDay(dateKey: string): Date {
  const local = Date.parse(`${dateKey}T00:00:00Z`);
  return new Date(local - offsetOfLocal(local));
}

export function addDays(dateKey: string, days: number): string {
  return new Date(Date.parse(`${dateKey}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `first` to `last`, both included. */
export function dateRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** 0 = Monday … 6 = Sunday, for the month-style grid (weeks start on Monday in Kazakhstan). */
export function weekdayIndex(dateKey: string): number {
  return (new Date(`${dateKey}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** "2026-11-25T18:00" (a datetime-local value, Kazakhstan time) → UTC instant; null if malformed. */
export function parseAlmatyLocal(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || !isDateKey(match[1]!)) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  const local = Date.parse(`${match[1]}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  return new Date(local - offsetOfLocal(local));
}

/** UTC instant → "2026-11-25T18:00" in Kazakhstan time, for a datetime-local input. */
export function toAlmatyLocal(instant: Date): string {
  return toLocal(instant).toISOString().slice(0, 16);
}
