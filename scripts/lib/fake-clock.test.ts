import { describe, expect, it } from 'vitest';
import { offsetFakeTime } from './fake-clock';

describe('offsetFakeTime', () => {
  const real = Date.UTC(2026, 11, 2, 3, 0, 0);

  it('turns an "@" start into the offset of the clock this process shows now', () => {
    const fakeNow = Date.UTC(2027, 11, 20, 12, 0, 21);
    expect(offsetFakeTime('@2027-12-20 12:00:00', fakeNow, real)).toBe(`+${(fakeNow - real) / 1000}`);
    expect(offsetFakeTime('@2025-03-01 00:00:00', real - 90_000, real)).toBe('-90');
  });

  it('leaves offsets, modifiers and an unset FAKETIME alone', () => {
    expect(offsetFakeTime('+33126529', real + 5_000, real)).toBeNull();
    expect(offsetFakeTime('@2027-12-20 12:00:00 x2', real + 5_000, real)).toBeNull();
    expect(offsetFakeTime(undefined, real, real)).toBeNull();
  });
});
