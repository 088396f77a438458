import { describe, expect, it } from 'vitest';
import {
  addDays,
  almatyDateKey,
  dateRange,
  isDateKey,
  parseAlmatyLocal,
  startOfAlmatyDay,
  toAlmatyLocal,
  weekdayIndex,
} from '@/lib/events/almaty-time';

describe('Kazakhstan dates', () => {
  it('puts 01:00 Almaty time on 26 November on the 26th, although it is still the 25th in UTC', () => {
    const instant = new Date('2026-11-25T20:00:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-11-25');
    expect(almatyDateKey(instant)).toBe('2026-11-26');
    expect(toAlmatyLocal(instant)).toBe('2026-11-26T01:00');
  });

  it('keeps 23:59 Almaty time on its own date and starts the next day at 19:00 UTC', () => {
    expect(almatyDateKey(new Date('2026-11-25T18:59:00Z'))).toBe('2026-11-25');
    expect(almatyDateKey(new Date('2026-11-25T19:00:00Z'))).toBe('2026-11-26');
    expect(startOfAlmatyDay('2026-11-26').toISOString()).toBe('2026-11-25T19:00:00.000Z');
  });

  it('reads form values as Kazakhstan time and refuses malformed ones', () => {
    expect(parseAlmatyLocal('2026-11-26T01:00')?.toISOString()).toBe('2026-11-25T20:00:00.000Z');
    expect(parseAlmatyLocal('2026-02-30T10:00')).toBeNull();
    expect(parseAlmatyLocal('2026-11-26T24:00')).toBeNull();
    expect(parseAlmatyLocal('yesterday')).toBeNull();
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
    expect(almatyDateKey(new Date('2023-11-25T18:30:00Z'))).toBe('2023-11-26'); // 00:30 at UTC+6
    expect(toAlmatyLocal(new Date('2024-02-29T17:59:00Z'))).toBe('2024-02-29T23:59');
    expect(toAlmatyLocal(new Date('2024-02-29T18:00:00Z'))).toBe('2024-02-29T23:00'); // clocks went back an hour
    expect(toAlmatyLocal(new Date('2024-02-29T19:00:00Z'))).toBe('2024-03-01T00:00');
    expect(startOfAlmatyDay('2023-11-25').toISOString()).toBe('2023-11-24T18:00:00.000Z');
    expect(startOfAlmatyDay('2024-03-01').toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(parseAlmatyLocal('2021-02-23T10:00')?.toISOString()).toBe('2021-02-23T04:00:00.000Z');
    for (const iso of ['2019-06-01T12:00:00Z', '2023-12-31T20:00:00Z', '2024-06-16T03:00:00Z', '2027-02-28T19:30:00Z']) {
      const byTzDatabase = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
      expect(almatyDateKey(new Date(iso))).toBe(byTzDatabase);
    }
  });
});
