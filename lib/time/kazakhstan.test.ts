import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from '@/lib/i18n/translator';
import {
  addDays,
  dateColumnKey,
  dateColumnValue,
  dateRange,
  endOfKazakhstanDay,
  isDateKey,
  kazakhstanDateKey,
  mondayOf,
  parseKazakhstanDateTime,
  startOfKazakhstanDay,
  toKazakhstanDateTime,
  weekdayIndex,
} from '@/lib/time/kazakhstan';

describe('Kazakhstan dates', () => {
  it('puts 01:00 Almaty time on 26 November on the 26th, although it is still the 25th in UTC', () => {
    const instant = new Date('2026-11-25T20:00:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-11-25');
    expect(kazakhstanDateKey(instant)).toBe('2026-11-26');
    expect(toKazakhstanDateTime(instant)).toBe('2026-11-26T01:00');
  });

  it('keeps 23:59 Almaty time on its own date and starts the next day at 19:00 UTC', () => {
    expect(kazakhstanDateKey(new Date('2026-11-25T18:59:00Z'))).toBe('2026-11-25');
    expect(kazakhstanDateKey(new Date('2026-11-25T19:00:00Z'))).toBe('2026-11-26');
    expect(startOfKazakhstanDay('2026-11-26').toISOString()).toBe('2026-11-25T19:00:00.000Z');
  });

  it('reads form values as Kazakhstan time and refuses malformed ones', () => {
    expect(parseKazakhstanDateTime('2026-11-26T01:00')?.toISOString()).toBe('2026-11-25T20:00:00.000Z');
    expect(parseKazakhstanDateTime('2026-02-30T10:00')).toBeNull();
    expect(parseKazakhstanDateTime('2026-11-26T24:00')).toBeNull();
    expect(parseKazakhstanDateTime('yesterday')).toBeNull();
  });

  it('lists the 16 days of the campaign, 25 November to 10 December', () => {
    const days = dateRange('2026-11-25', '2026-12-10');
    expect(days).toHaveLength(16);
    expect(days[0]).toBe('2026-11-25');
    expect(days.at(-1)).toBe('2026-12-10');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(weekdayIndex('2026-11-25')).toBe(2); // a Wednesday
    expect(isDateKey('2026-12-10')).toBe(true);
    expect(isDateKey('2026-13-01')).toBe(false);
  });

  it('uses UTC+6 for Almaty before 1 March 2024 and UTC+5 since, whatever the server’s zone', () => {
    expect(kazakhstanDateKey(new Date('2023-11-25T18:30:00Z'))).toBe('2023-11-26'); // 00:30 at UTC+6
    expect(toKazakhstanDateTime(new Date('2024-02-29T17:59:00Z'))).toBe('2024-02-29T23:59');
    expect(toKazakhstanDateTime(new Date('2024-02-29T18:00:00Z'))).toBe('2024-02-29T23:00'); // clocks went back an hour
    expect(toKazakhstanDateTime(new Date('2024-02-29T19:00:00Z'))).toBe('2024-03-01T00:00');
    expect(startOfKazakhstanDay('2023-11-25').toISOString()).toBe('2023-11-24T18:00:00.000Z');
    expect(startOfKazakhstanDay('2024-03-01').toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(parseKazakhstanDateTime('2021-02-23T10:00')?.toISOString()).toBe('2021-02-23T04:00:00.000Z');
    for (const iso of ['2019-06-01T12:00:00Z', '2023-12-31T20:00:00Z', '2024-06-16T03:00:00Z', '2027-02-28T19:30:00Z']) {
      const byTzDatabase = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Almaty',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(new Date(iso));
      expect(kazakhstanDateKey(new Date(iso))).toBe(byTzDatabase);
    }
  });
});

describe('Kazakhstan days', () => {
  it('bounds a day before the change (UTC+6) and after it (UTC+5), the end being the next day’s start', () => {
    expect(startOfKazakhstanDay('2023-11-25').toISOString()).toBe('2023-11-24T18:00:00.000Z');
    expect(endOfKazakhstanDay('2023-11-25').toISOString()).toBe('2023-11-25T18:00:00.000Z');
    expect(startOfKazakhstanDay('2026-11-25').toISOString()).toBe('2026-11-24T19:00:00.000Z');
    expect(endOfKazakhstanDay('2026-11-25').toISOString()).toBe('2026-11-25T19:00:00.000Z');
  });

  it('gives 29 February 2024, the day the clocks went back, 25 hours', () => {
    const start = startOfKazakhstanDay('2024-02-29');
    const end = endOfKazakhstanDay('2024-02-29');
    expect(start.toISOString()).toBe('2024-02-28T18:00:00.000Z');
    expect(end.toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3600_000).toBe(25);
    expect(kazakhstanDateKey(new Date(end.getTime() - 1))).toBe('2024-02-29');
    expect(kazakhstanDateKey(end)).toBe('2024-03-01');
  });

  it('keeps a date column on its date, and finds the Monday of a week', () => {
    expect(dateColumnValue('2021-02-23').toISOString()).toBe('2021-02-23T00:00:00.000Z');
    expect(dateColumnKey(dateColumnValue('2021-02-23'))).toBe('2021-02-23');
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(mondayOf('2024-03-01')).toBe('2024-02-26');
  });
});

describe('datetime-local values', () => {
  it('round-trips instants before, across and after the change', () => {
    for (const iso of ['2021-02-23T04:00:00.000Z', '2024-02-29T17:59:00.000Z', '2024-02-29T19:00:00.000Z', '2026-11-25T13:30:00.000Z']) {
      expect(parseKazakhstanDateTime(toKazakhstanDateTime(new Date(iso)))?.toISOString()).toBe(iso);
    }
  });

  it('round-trips wall-clock values, seconds optional as browsers may send them', () => {
    for (const value of ['2021-02-23T10:00', '2024-03-01T00:00', '2026-11-25T18:30']) {
      expect(toKazakhstanDateTime(parseKazakhstanDateTime(value)!)).toBe(value);
    }
    expect(parseKazakhstanDateTime('2026-11-25T18:30:15')?.toISOString()).toBe('2026-11-25T13:30:15.000Z');
    expect(parseKazakhstanDateTime(' 2026-11-25T18:30 ')?.toISOString()).toBe('2026-11-25T13:30:00.000Z');
    expect(parseKazakhstanDateTime('2026-11-25')).toBeNull();
    expect(parseKazakhstanDateTime('2026-11-25T18:30+05:00')).toBeNull();
  });
});

describe('display', () => {
  it('shows an instant in the offset of its own time: UTC+6 before the change, UTC+5 after', () => {
    expect(formatTime(new Date('2023-06-01T12:00:00Z'), 'en')).toBe('18:00');
    expect(formatTime(new Date('2024-06-01T12:00:00Z'), 'en')).toBe('17:00');
  });

  it('shows a historical reform stage (a date column) on its own date in every language', () => {
    const stage = dateColumnValue('2021-02-23');
    expect(formatDate(stage, 'en', 'dateColumn')).toBe('February 23, 2021');
    expect(formatDate(stage, 'ru', 'dateColumn')).toContain('23 февраля 2021');
    expect(formatDate(stage, 'kk', 'dateColumn')).toContain('23');
    expect(formatDate(dateColumnValue('2024-03-01'), 'en', 'dateColumn')).toBe('March 1, 2024');
  });
});
