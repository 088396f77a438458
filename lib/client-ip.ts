import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The client's address, for per-IP limits. Next.js fills X-Forwarded-For with the socket address
 * only when the client sent none, and each reverse proxy appends the address it saw, so the entry
 * `trustedHops` from the end is the one the outermost trusted proxy vouches for; entries before it
 * are whatever the client wrote. With no proxy in front the client can forge the header, so
 * production runs behind one (docs/operations.md).
 */
export function clientAddressFrom(requestHeaders: Headers, trustedHops = env.TRUSTED_PROXY_HOPS): string {
  const entries = (requestHeaders.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return entries.at(-Math.min(trustedHops, entries.length)) || requestHeaders.get('x-real-ip')?.trim() || 'unknown';
}

/** The same inside a server action or component; "unknown" outside a request (scripts, tests). */
export async function clientIp(): Promise<string> {
  try {
    return clientAddressFrom(await headers());
  } catch {
    return 'unknown';
  }
}
