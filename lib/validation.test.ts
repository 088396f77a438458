import { describe, expect, it } from 'vitest';
import { readLocale } from '@/lib/validation';

describe('readLocale', () => {
  it('keeps a known locale', () => {
    expect(readLocale('ru')).toBe('ru');
    expect(readLocale('en', 'ru')).toBe('en');
  });

  it('reads anything else as Kazakh, or as the given fallback', () => {
    for (const value of ['de', 'RU', '', null, undefined, 3, ['kk']]) expect(readLocale(value)).toBe('kk');
    expect(readLocale(null, 'ru')).toBe('ru');
  });
});
