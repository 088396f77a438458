import { createHmac, timingSafeEqual } from 'node:crypto';
import { requireAuthSecret } from '@/lib/env';

/*
 * Mailed links carry `<id>.<mac>`: an HMAC of the record id under a per-purpose key. Nothing is
 * stored, so every later mail (reminder, promotion, change notice) can carry a working cancel link,
 * and a database leak yields no usable link.
 */
export type TokenPurpose = 'rsvp' | 'submission';

const ID_PATTERN = /^[a-z0-9]{10,40}$/;

function mac(purpose: TokenPurpose, id: string): Buffer {
  return createHmac('sha256', requireAuthSecret()).update(`dauys.events.${purpose}.v1.${id}`).digest();
}

export function createToken(purpose: TokenPurpose, id: string): string {
  return `${id}.${mac(purpose, id).toString('base64url')}`;
}

/** The id inside a well-formed, untampered token, or null. */
export function verifyToken(purpose: TokenPurpose, token: string | null | undefined): string | null {
  if (!token || token.length > 120) return null;
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined || !ID_PATTERN.test(id)) return null;
  const expected = mac(purpose, id);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
