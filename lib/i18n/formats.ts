import type { Formats } from 'use-intl/core';

/**
 * Named formats for next-intl's formatter (`format.dateTime(value, 'short')`). Instants are shown in
 * Kazakhstan time, the formatter's zone (lib/time/kazakhstan.ts); the `dateColumn…` formats are for
 * calendar dates stored as UTC midnight (@db.Date), read in UTC so no offset moves them to another day.
 */
export const formats = {
  dateTime: {
    short: { day: 'numeric', month: 'short', year: 'numeric' },
    long: { day: 'numeric', month: 'long', year: 'numeric', weekday: 'long' },
    time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    /** Console tables and records: en "Nov 25, 2025, 6:00 PM". */
    mediumDateTime: { dateStyle: 'medium', timeStyle: 'short' },
    /** Logs where the second matters (audit, caught mail): en "Nov 25, 2025, 6:00:07 PM". */
    mediumDateTimeWithSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
    /** en "April 15, 2024", ru "15 апреля 2024 г."; a range of them: `dateColumnRange` (lib/i18n/date-range.ts). */
    dateColumn: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    /** "2026": the year alone (a Kazakh range says it after its days, lib/i18n/date-range.ts). */
    dateColumnYear: { year: 'numeric', timeZone: 'UTC' },
    /** en "November 25" (the dashboard's days). */
    dateColumnWithoutYear: { day: 'numeric', month: 'long', timeZone: 'UTC' },
    /** en "Tue, November 25". */
    dateColumnWithWeekday: { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    percent: { style: 'percent', maximumFractionDigits: 0 },
  },
} satisfies Formats;

export type DateTimeFormatName = keyof typeof formats.dateTime;
