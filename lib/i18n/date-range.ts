import type { createFormatter } from 'use-intl/core';

type RangeFormatter = Pick<ReturnType<typeof createFormatter>, 'dateTimeRange'>;

/**
 * The days from `first` to `last` (calendar dates, @db.Date) as the reader's language writes a range,
 * the shared month and year said once (ICU's range patterns): kk "2026 ж. 25 қараша – 10 желтоқсан",
 * ru "25 ноября – 10 декабря 2026 г.", en "November 25 – December 10, 2026". Two dates joined by a
 * message put Kazakh's leading year in the middle ("25 қараша – 2026 ж. 10 желтоқсан").
 */
export function dateColumnRange(format: RangeFormatter, first: Date, last: Date): string {
  return format.dateTimeRange(first, last, 'dateColumn');
}
