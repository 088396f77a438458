import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddressFrom } from '@/lib/client-ip';
import { passPeerAddress } from '@/lib/peer-address';
import { env } from '@/lib/env';
import { captureLogLines } from '@/tests/support/captured-logs';

/** A request as scripts/web.ts receives it from node:http, before Next.js sees it. */
function arriving(headers: IncomingHttpHeaders, remoteAddress: string) {
  return { headers: { ...headers }, socket: { remoteAddress } };
}

/** What the app reads after scripts/web.ts passed the request on. */
function passedOn(headers: IncomingHttpHeaders, remoteAddress: string): Headers {
  const request = arriving(headers, remoteAddress);
  passPeerAddress(request);
  return new Headers(Object.entries(request.headers).map(([name, value]): [string, string] => [name, String(value)]));
}

let captured: ReturnType<typeof captureLogLines> | undefined;
/** The warnings logged from now on. */
function warnings() {
  captured = captureLogLines();
  const logged = captured;
  return () => logged.entries('warn').map((entry) => entry.msg);
}

afterEach(() => {
  captured?.stop();
  captured = undefined;
});

// First in the file: the first passPeerAddress call marks this process as served by scripts/web.ts.
describe('under `next start` or `next dev`, which do not pass the TCP peer on', () => {
  it('with no proxy configured, a client cannot choose its address: every client is one "unknown", and the log says why, once; behind a proxy, the entry it appended counts', () => {
    const warn = warnings();
    const forged = new Headers({ 'x-forwarded-for': '6.6.6.6', 'x-dauys-peer': '7.7.7.7' });
    expect(clientAddressFrom(forged, 0)).toBe('unknown');
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '8.8.8.8' }), 0)).toBe('unknown');
    expect(warn()).toHaveLength(1);
    expect(warn()[0]).toMatch(/TRUSTED_PROXY_HOPS is 0.*npm start/s);
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '10.9.8.7, 203.0.113.5' }), 1)).toBe('203.0.113.5');
  });
});

describe('under `npm start` (scripts/web.ts passes the TCP peer on)', () => {
  it('with no configuration, the TCP peer is the client: what a client writes in X-Forwarded-For or the peer header changes nothing', () => {
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
    expect(clientAddressFrom(passedOn({ 'x-forwarded-for': '6.6.6.6' }, '203.0.113.5'))).toBe('203.0.113.5');
    expect(clientAddressFrom(passedOn({ 'x-dauys-peer': '6.6.6.6', 'x-dauys-forwarded-for': '6.6.6.6' }, '203.0.113.5'))).toBe(
      '203.0.113.5',
    );
    // A dual-stack socket reports IPv4 clients as IPv4-mapped IPv6.
    expect(clientAddressFrom(passedOn({}, '::ffff:203.0.113.5'))).toBe('203.0.113.5');
    expect(clientAddressFrom(passedOn({}, '2001:db8::5'))).toBe('2001:db8::5');
  });

  it('behind nginx (1 hop): the address nginx appended, so a forged first entry changes nothing', () => {
    expect(clientAddressFrom(passedOn({ 'x-forwarded-for': '203.0.113.5' }, '127.0.0.1'), 1)).toBe('203.0.113.5');
    expect(clientAddressFrom(passedOn({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.5' }, '127.0.0.1'), 1)).toBe('203.0.113.5');
  });

  it('behind a CDN and then nginx (2 hops): the CDN edge is not the client', () => {
    // client (forged entry) → CDN edge appends the client → nginx appends the edge
    expect(clientAddressFrom(passedOn({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 198.51.100.20' }, '127.0.0.1'), 2)).toBe('203.0.113.5');
  });

  it('a request that came through fewer proxies than configured is logged once: the proxy is missing or bypassed', () => {
    const warn = warnings();
    expect(clientAddressFrom(passedOn({}, '203.0.113.5'), 1)).toBe('203.0.113.5');
    expect(clientAddressFrom(passedOn({}, '203.0.113.6'), 1)).toBe('203.0.113.6');
    expect(warn()).toHaveLength(1);
    expect(warn()[0]).toMatch(/TRUSTED_PROXY_HOPS is 1.*without X-Forwarded-For/s);
    // The client's address is personal: the line says a public address came, not which.
    expect(warn()[0]).not.toContain('203.0.113.5');
  });

  it('many different clients, or one public client, are not mistaken for a proxy', () => {
    const warn = warnings();
    for (let index = 0; index < 120; index += 1) clientAddressFrom(passedOn({}, `203.0.113.${index % 7}`), 0);
    for (let index = 0; index < 120; index += 1) clientAddressFrom(passedOn({}, '198.51.100.77'), 0);
    expect(warn()).toHaveLength(0);
  });

  it('when every client looks like one private address (a proxy that is not counted), the log says so once', () => {
    const warn = warnings();
    for (let index = 0; index < 49; index += 1) {
      expect(clientAddressFrom(passedOn({ 'x-forwarded-for': `203.0.113.${index}` }, '127.0.0.1'), 0)).toBe('127.0.0.1');
    }
    expect(warn()).toHaveLength(0);
    for (let index = 0; index < 60; index += 1) clientAddressFrom(passedOn({ 'x-forwarded-for': `198.51.100.${index}` }, '127.0.0.1'), 0);
    expect(warn()).toHaveLength(1);
    expect(warn()[0]).toMatch(/127\.0\.0\.1.*TRUSTED_PROXY_HOPS/s);
  });
});
