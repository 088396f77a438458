import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

/** Keyed hash of a client address: organizers can group by it, nobody can read the address back. */
export function hashAddress(address: string): string {
  return createHmac('sha256', env.AUTH_SECRET ?? 'dauys-address-hash')
    .update(address)
    .digest('base64url')
    .slice(0, 22);
}

/** The network an address belongs to (IPv4 /24, IPv6 /48), shown to organizers instead of the address. */
export function addressPrefix(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/i.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (address.includes(':')) {
    const groups = (address.split('::')[0] ?? '').split(':').filter(Boolean).slice(0, 3);
    return `${groups.join(':')}::/48`;
  }
  return 'unknown';
}
