import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/validation';
import { groupDigits } from './group-digits';

describe('groupDigits', () => {
  it('writes what the server’s full ICU writes, in every language', () => {
    for (const locale of LOCALES) {
      for (const value of [0, 7, 999, 1_000, 12_345, 150_000, 1_234_567]) {
        expect(groupDigits(value, locale)).toBe(new Intl.NumberFormat(locale).format(value));
      }
    }
  });
});
