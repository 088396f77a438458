/*
 * Kazakhstan time, the one module for it. Instants are stored in UTC and shown in Asia/Almaty: one
 * zone for the whole country, UTC+5 with no daylight saving, since 1 March 2024; Almaty (and Astana)
 * were UTC+6 before. The offsets are written here so date keys never depend on the server's zone or
 * its tz database; display goes through next-intl's formatter with this zone (lib/i18n/formats.ts).
 *
 * Two kinds of value: an instant (a Date, e.g. an event's start) and a calendar date, written as a
 * date key "YYYY-MM-DD" and stored in a @db.Date column as UTC midnight of that date.
 */

export const KAZAKHSTAN_TIME_ZONE = 'Asia/Almaty';
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** 1 March 2024 00:00 in Almaty under the old offset: from this instant on the clocks read UTC+5. */
export const SINGLE_ZONE_SINCE = Date.parse('2024-02-29T18:00:00Z');
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Kazakhstan's offset from UTC at an instant (+6 before 1 March 2024, +5 since). */
function offsetAt(instant: number): number {
  return (instant < SINGLE_ZONE_SINCE ? 6 : 5) * HOUR_MS;
}

/** The offset for a wall-clock time read as if it were UTC (the change happened at local midnight). */
function offsetOfLocal(localAsUtc: number): number {
  return (localAsUtc < Date.parse('2024-03-01T00:00:00Z') ? 6 : 5) * HOUR_MS;
}

function toLocal(instant: Date): Date {
  return new Date(instant.getTime() + offsetAt(instant.getTime()));
}

function fromLocal(localAsUtc: number): Date {
  return new Date(localAsUtc - offsetOfLocal(localAsUtc));
}

/** The Kazakhstan calendar date of an instant, as YYYY-MM-DD. */
export function kazakhstanDateKey(instant: Date): string {
  return toLocal(instant).toISOString().slice(0, 10);
}

/** The UTC instant at which a Kazakhstan date begins (00:00 in Almaty = 19:00 UTC the day before). */
export function startOfKazakhstanDay(dateKey: string): Date {
  return fromLocal(Date.parse(`${dateKey}T00:00:00Z`));
}

/** The UTC instant at which a Kazakhstan date is over: the start of the next one (exclusive bound). */
export function endOfKazakhstanDay(dateKey: string): Date {
  return startOfKazakhstanDay(addDays(dateKey, 1));
}

/**
 * A form's Kazakhstan wall-clock time, "2026-11-25T18:00" (<input type="datetime-local">, seconds
 * optional), as the UTC instant; null if malformed.
 */
export function parseKazakhstanDateTime(value: string): Date | null {
  const match = DATE_TIME_INPUT.exec(value.trim());
  if (!match || !isDateKey(match[1]!)) return null;
  const [hours, minutes, seconds] = [match[2], match[3], match[4] ?? '0'].map(Number) as [number, number, number];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return fromLocal(Date.parse(`${match[1]}T00:00:00Z`) + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** UTC instant → "2026-11-25T18:00" in Kazakhstan time, the value of a datetime-local input. */
export function toKazakhstanDateTime(instant: Date): string {
  return toLocal(instant).toISOString().slice(0, 16);
}

export function isDateKey(value: string): boolean {
  if (!DATE_KEY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && dateColumnKey(date) === value;
}

/** A date column (@db.Date, read as UTC midnight) as YYYY-MM-DD. */
export function dateColumnKey(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the value of a date column (UTC midnight of that date). */
export function dateColumnValue(dateKey: string): Date {
  return new Date(`${dateKey}T00:00:00Z`);
}

export function addDays(dateKey: string, days: number): string {
  return dateColumnKey(new Date(dateColumnValue(dateKey).getTime() + days * DAY_MS));
}

/** Every date from `first` to `last`, both included. */
export function dateRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** 0 = Monday … 6 = Sunday (weeks start on Monday in Kazakhstan). */
export function weekdayIndex(dateKey: string): number {
  return (dateColumnValue(dateKey).getUTCDay() + 6) % 7;
}

/** The Monday of the week that contains a date. */
export function mondayOf(dateKey: string): string {
  return addDays(dateKey, -weekdayIndex(dateKey));
}
