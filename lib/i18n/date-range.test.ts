import { describe, expect, it } from 'vitest';
import { dateColumnRange } from '@/lib/i18n/date-range';
import { getFormatter } from '@/lib/i18n/translator';
import { dateColumnValue } from '@/lib/time/kazakhstan';

/** The range with ICU's no-break and thin spaces read as plain ones. */
function range(locale: string, first: string, last: string): string {
  return dateColumnRange(getFormatter(locale), locale, dateColumnValue(first), dateColumnValue(last)).replace(/\s/g, ' ');
}

describe('dateColumnRange', () => {
  it('writes the Kazakh year at the end, once within a year, after each date across a new year', () => {
    expect(range('kk', '2026-11-25', '2026-12-10')).toBe('25 қараша – 10 желтоқсан 2026 ж.');
    expect(range('kk', '2026-11-25', '2026-11-30')).toBe('25–30 қараша 2026 ж.');
    expect(range('kk', '2026-12-01', '2026-12-10')).toBe('1–10 желтоқсан 2026 ж.');
    expect(range('kk', '2026-12-28', '2027-01-03')).toBe('28 желтоқсан 2026 ж. – 3 қаңтар 2027 ж.');
  });

  it('keeps Russian and English ranges as they write them', () => {
    expect(range('ru', '2026-11-25', '2026-12-10')).toBe('25 ноября – 10 декабря 2026 г.');
    expect(range('ru', '2026-12-01', '2026-12-10')).toBe('1–10 декабря 2026 г.');
    expect(range('ru', '2026-12-25', '2027-01-10')).toBe('25 декабря 2026 г. – 10 января 2027 г.');
    expect(range('en', '2026-11-25', '2026-12-10')).toBe('November 25 – December 10, 2026');
    expect(range('en', '2026-12-01', '2026-12-10')).toBe('December 1 – 10, 2026');
    expect(range('en', '2026-12-25', '2027-01-10')).toBe('December 25, 2026 – January 10, 2027');
  });
});
