import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

/*
 * The TCP peer of a request, for lib/client-ip.ts. Next.js does not give app code the socket (it
 * fills X-Forwarded-For with the peer only when the client sent none), so scripts/web.ts, the server
 * `npm start` runs, calls passPeerAddress() on every request before Next.js sees it. This file
 * imports nothing of Next.js: web.ts loads it before Next.js has set up its request context.
 */

export const PEER_HEADER = 'x-dauys-peer';
/** X-Forwarded-For exactly as the request arrived: Next.js fills an absent one with the peer. */
export const ARRIVED_FORWARDED_FOR_HEADER = 'x-dauys-forwarded-for';
/** In globalThis, not module state: Next.js bundles its own copy of this module into the same process. */
const PEER_HEADERS_ARE_SET = Symbol.for('dauys.peer-address.headers-are-set');
/** Longer than any address: a client-written entry is cut before it becomes a rate-limit key. */
const MAX_ADDRESS_LENGTH = 64;

type Global = typeof globalThis & { [PEER_HEADERS_ARE_SET]?: boolean };

/** IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).slice(0, MAX_ADDRESS_LENGTH);
}

/**
 * Writes the TCP peer and the X-Forwarded-For the request arrived with into headers of our own,
 * replacing any a client sent, and marks this process as one whose requests carry them.
 */
export function passPeerAddress(request: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } }): void {
  (globalThis as Global)[PEER_HEADERS_ARE_SET] = true;
  const forwarded = request.headers['x-forwarded-for'];
  request.headers[PEER_HEADER] = plainAddress(request.socket.remoteAddress ?? '') || 'unknown';
  request.headers[ARRIVED_FORWARDED_FOR_HEADER] = Array.isArray(forwarded) ? forwarded.join(', ') : (forwarded ?? '');
}

/** True in a server started by scripts/web.ts: then the peer headers are ours, never a client's. */
export function hasPeerHeaders(): boolean {
  return (globalThis as Global)[PEER_HEADERS_ARE_SET] === true;
}

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
  ['0.0.0.0', 32],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Loopback, private and link-local addresses: a server's own or its network's, never a client on the internet. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
