import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { ARRIVED_FORWARDED_FOR_HEADER, hasPeerHeaders, isNonPublicAddress, PEER_HEADER, plainAddress } from '@/lib/peer-address';
import { log } from '@/lib/log';

/*
 * The client's address, for per-IP limits. A client can write any X-Forwarded-For it likes; only
 * the TCP peer and what trusted proxies append are facts. Under `npm start` every request carries
 * the peer and the X-Forwarded-For it arrived with (lib/peer-address.ts).
 *
 * The chain is X-Forwarded-For as it arrived, then the peer: each proxy appends the address it saw
 * and the last one is the peer. With TRUSTED_PROXY_HOPS proxies in front, the client is the entry
 * that many before the peer (0: the peer itself); everything before it is the client's own writing.
 */

function entriesOf(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => plainAddress(part.trim()))
    .filter(Boolean);
}

const warned = new Set<string>();

/** Each misconfiguration is logged once per process: it stays true for every request after. */
function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  log.warn({ component: 'client-ip' }, `${message} See "Client addresses" in docs/operations.md.`);
}

/** Proxies in front that TRUSTED_PROXY_HOPS does not count make every client look like the nearest one. */
const SAME_ADDRESS_STREAK = 50;
let streak = { address: '', length: 0 };

function watchForOneAddress(address: string, trustedHops: number): void {
  streak = address === streak.address ? { address, length: streak.length + 1 } : { address, length: 1 };
  if (streak.length < SAME_ADDRESS_STREAK || !isNonPublicAddress(address)) return;
  warnOnce(
    'one-address',
    `The last ${SAME_ADDRESS_STREAK} requests that count per-IP limits all came from ${address}, a private address. ` +
      `If a reverse proxy (nginx, a load balancer) is in front, every client now shares its limits: make each proxy append to ` +
      `X-Forwarded-For and set TRUSTED_PROXY_HOPS to their number (it is ${trustedHops}). Testing from this machine looks the same.`,
  );
}

/** The client's address from the request headers; "unknown" when nothing trustworthy is known. */
export function clientAddressFrom(requestHeaders: Headers, trustedHops = env.TRUSTED_PROXY_HOPS): string {
  if (hasPeerHeaders()) {
    const arrived = entriesOf(requestHeaders.get(ARRIVED_FORWARDED_FOR_HEADER));
    const chain = [...arrived, requestHeaders.get(PEER_HEADER) || 'unknown'];
    if (chain.length <= trustedHops) {
      const forwarded =
        arrived.length === 0
          ? 'without X-Forwarded-For'
          : `with ${arrived.length} X-Forwarded-For entr${arrived.length === 1 ? 'y' : 'ies'}`;
      warnOnce(
        'too-few-proxies',
        `TRUSTED_PROXY_HOPS is ${trustedHops}, but a request from ${chain.at(-1)} arrived ${forwarded}: it did not pass ` +
          `through that many proxies. If this port is reachable without the proxy, a client can choose its own address for ` +
          `the per-IP limits: let only the proxy reach it, or set TRUSTED_PROXY_HOPS to the number of proxies in front (0 for none).`,
      );
      return chain[0]!;
    }
    const address = chain.at(-1 - trustedHops)!;
    watchForOneAddress(address, trustedHops);
    return address;
  }

  // `next start` or `next dev`: X-Forwarded-For is the client's own writing unless a proxy appended to it.
  if (trustedHops === 0) {
    warnOnce(
      'no-peer',
      'TRUSTED_PROXY_HOPS is 0, so the TCP peer is the client, but this server cannot see it: only `npm start` ' +
        '(scripts/web.ts) passes it on, not `next start` or `next dev`. Per-IP limits now count every client as one. ' +
        'Run `npm start`, or put a reverse proxy in front and set TRUSTED_PROXY_HOPS.',
    );
    return 'unknown';
  }
  const entries = entriesOf(requestHeaders.get('x-forwarded-for'));
  return entries.at(-Math.min(trustedHops, entries.length)) ?? 'unknown';
}

/** The same inside a server action or component; "unknown" outside a request (scripts, tests). */
export async function clientIp(): Promise<string> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return 'unknown';
  }
  return clientAddressFrom(requestHeaders);
}
