import { describe, expect, it } from 'vitest';
import { acceptedEncodings } from './accepted-encodings';

describe('acceptedEncodings', () => {
  it('reads the tokens and their q values, best first', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('GZIP;q=0.5, BR;q=1.0')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.000')).toEqual([]);
    expect(acceptedEncodings(['deflate', 'gzip'])).toEqual(['gzip']);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});
