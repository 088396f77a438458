import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { requireAuthSecret } from '@/lib/env';
import { MAX_GUESTS_LIMIT, RSVP_CHANGE_LINK_TTL_SECONDS } from '@/lib/events/constants';
import { LocaleSchema } from '@/lib/validation';

/*
 * Mailed links carry `<id>.<mac>`: an HMAC of the record id under a per-purpose key. Nothing is
 * stored, so every later mail (reminder, promotion, change notice) can carry a working cancel link,
 * and a database leak yields no usable link.
 */
export type TokenPurpose = 'rsvp' | 'submission';

const ID_PATTERN = /^[a-z0-9]{10,40}$/;

function mac(purpose: TokenPurpose | 'rsvp-change', value: string): Buffer {
  return createHmac('sha256', requireAuthSecret()).update(`dauys.events.${purpose}.v1.${value}`).digest();
}

function isSignedBy(expected: Buffer, signature: string): boolean {
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createToken(purpose: TokenPurpose, id: string): string {
  return `${id}.${mac(purpose, id).toString('base64url')}`;
}

/** The id inside a well-formed, untampered token, or null. */
export function verifyToken(purpose: TokenPurpose, token: string | null | undefined): string | null {
  if (!token || token.length > 120) return null;
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined || !ID_PATTERN.test(id)) return null;
  return isSignedBy(mac(purpose, id), signature) ? id : null;
}

/** A new answer for an RSVP, waiting for its owner to apply it from the mailed link. */
export type RsvpChange = { rsvpId: string; name: string; guests: number; locale: z.infer<typeof LocaleSchema> };

const ChangePayloadSchema = z.tuple([
  z.string().regex(ID_PATTERN),
  z.string().min(1).max(200),
  z.number().int().min(0).max(MAX_GUESTS_LIMIT),
  LocaleSchema,
  z.number().int(),
]);

/*
 * The change link carries the new answer itself, signed (`<payload>.<mac>`, payload: base64url JSON
 * of the RSVP id, name, guests, language and the issue time), so nothing waits in the database for
 * an answer a stranger may have typed. It expires after RSVP_CHANGE_LINK_TTL_SECONDS.
 */
export function createRsvpChangeToken(change: RsvpChange, now = new Date()): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const payload = Buffer.from(JSON.stringify([change.rsvpId, change.name, change.guests, change.locale, issuedAt])).toString('base64url');
  return `${payload}.${mac('rsvp-change', payload).toString('base64url')}`;
}

/** The change inside a well-formed, untampered, unexpired change token, or null. */
export function verifyRsvpChangeToken(token: string | null | undefined, now = new Date()): RsvpChange | null {
  if (!token || token.length > 1500) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !isSignedBy(mac('rsvp-change', payload), signature)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = ChangePayloadSchema.safeParse(decoded);
  if (!parsed.success) return null;
  const [rsvpId, name, guests, locale, issuedAt] = parsed.data;
  const age = now.getTime() / 1000 - issuedAt;
  if (age < -300 || age > RSVP_CHANGE_LINK_TTL_SECONDS) return null;
  return { rsvpId, name, guests, locale };
}
