import type { createFormatter } from 'use-intl/core';

type RangeFormatter = Pick<ReturnType<typeof createFormatter>, 'dateTime' | 'dateTimeRange'>;

/**
 * The days from `first` to `last` (calendar dates, @db.Date) as the reader's language writes a range,
 * the shared month and year said once: ru "25 ноября – 10 декабря 2026 г.", en "November 25 – December
 * 10, 2026" (ICU's range patterns), kk "25 қараша – 10 желтоқсан 2026 ж.". ICU puts the Kazakh year
 * first ("2026 ж. 25 қараша – 10 желтоқсан"), and between the two dates once a message joins them;
 * a Kazakh range says it at the end, after each date when the range crosses a new year.
 */
export function dateColumnRange(format: RangeFormatter, locale: string, first: Date, last: Date): string {
  if (locale !== 'kk') return format.dateTimeRange(first, last, 'dateColumn');
  const year = (date: Date) => `${format.dateTime(date, 'dateColumnYear')} ж.`;
  if (first.getUTCFullYear() === last.getUTCFullYear()) {
    return `${format.dateTimeRange(first, last, 'dateColumnWithoutYear')} ${year(last)}`;
  }
  const day = (date: Date) => `${format.dateTime(date, 'dateColumnWithoutYear')} ${year(date)}`;
  return `${day(first)} – ${day(last)}`;
}
