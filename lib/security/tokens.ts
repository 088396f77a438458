import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { requireAuthSecret } from '@/lib/env';

/*
 * The two ways a mailed link proves it was mailed.
 *
 * Random (petition signatures, reform alert subscriptions): the link carries 32 random bytes and
 * only their SHA-256 is stored on the row the link acts on, so a database leak yields no working
 * link and a newer mail replaces the link by storing a new hash.
 *
 * Signed (RSVPs, event submissions, RSVP change links, unsubscribe links): the link carries
 * `<value>.<mac>`, an HMAC-SHA256 under AUTH_SECRET of `<purpose>.<value>`. Nothing is stored, so
 * every later mail can carry a working link. The purpose keeps a MAC made for one kind of link from
 * being accepted as another (the same secret signs sessions).
 */

/** A token field from a mailed link before its scheme checks it: base64url characters and dots. */
export const MailedTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{20,120}$/, 'linkInvalid');

export function newRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a random token (hex SHA-256); a link is found by the hash of what it carries. */
export function hashRandomToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Every signed link there is; a new kind of link gets a new purpose. */
export type SignedTokenPurpose =
  'dauys.events.rsvp.v1' | 'dauys.events.submission.v1' | 'dauys.events.rsvp-change.v1' | 'dauys.unsubscribe.v1';

function mac(purpose: SignedTokenPurpose, value: string): Buffer {
  return createHmac('sha256', requireAuthSecret()).update(`${purpose}.${value}`).digest();
}

/** `<value>.<mac>`; the value must not contain a dot (an id, or base64url). */
export function signToken(purpose: SignedTokenPurpose, value: string): string {
  return `${value}.${mac(purpose, value).toString('base64url')}`;
}

/** The value of a well-formed, untampered token signed for `purpose`, or null. */
export function verifySignedToken(purpose: SignedTokenPurpose, token: string | null | undefined, maxLength: number): string | null {
  if (!token || token.length > maxLength) return null;
  const [value, signature, extra] = token.split('.');
  if (!value || !signature || extra !== undefined) return null;
  const expected = mac(purpose, value);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/** A signed token that carries its own data: the value is base64url JSON. */
export function signJsonToken(purpose: SignedTokenPurpose, data: unknown): string {
  return signToken(purpose, Buffer.from(JSON.stringify(data)).toString('base64url'));
}

/** The data of a well-formed, untampered JSON token that `schema` accepts, or null. */
export function verifySignedJsonToken<Schema extends z.ZodType>(
  purpose: SignedTokenPurpose,
  token: string | null | undefined,
  schema: Schema,
  maxLength: number,
): z.output<Schema> | null {
  const value = verifySignedToken(purpose, token, maxLength);
  if (value === null) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}
