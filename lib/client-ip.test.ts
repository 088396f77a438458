import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from '@/lib/client-ip';

const withForwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientAddressFrom', () => {
  it('takes the address the nearest proxy appended, so a forged first entry changes nothing', () => {
    expect(clientAddressFrom(withForwardedFor('10.9.8.7, 203.0.113.5'), 1)).toBe('203.0.113.5');
    expect(clientAddressFrom(withForwardedFor('1.1.1.1, 2.2.2.2, 203.0.113.5'), 1)).toBe('203.0.113.5');
  });

  it('skips the trusted proxies behind a CDN: with two hops the CDN edge is not the client', () => {
    // client (forged entry) → CDN edge appends the client → nginx appends the edge
    expect(clientAddressFrom(withForwardedFor('6.6.6.6, 203.0.113.5, 198.51.100.20'), 2)).toBe('203.0.113.5');
  });

  it('uses the first entry when there are fewer entries than trusted hops, then X-Real-IP, then "unknown"', () => {
    expect(clientAddressFrom(withForwardedFor('203.0.113.5'), 2)).toBe('203.0.113.5');
    expect(clientAddressFrom(new Headers({ 'x-real-ip': '203.0.113.9' }), 1)).toBe('203.0.113.9');
    expect(clientAddressFrom(new Headers(), 1)).toBe('unknown');
  });
});
