import { z } from 'zod';
import { MAX_GUESTS_LIMIT, RSVP_CHANGE_LINK_TTL_SECONDS } from '@/lib/events/constants';
import { signJsonToken, signToken, verifySignedJsonToken, verifySignedToken } from '@/lib/security/tokens';
import { LocaleSchema } from '@/lib/validation';

/*
 * Mailed links carry the record id, signed per purpose (lib/security/tokens.ts). Nothing is stored,
 * so every later mail (reminder, promotion, change notice) can carry a working cancel link, and a
 * database leak yields no usable link.
 */
export type TokenPurpose = 'rsvp' | 'submission';

const SIGNED_PURPOSE = { rsvp: 'dauys.events.rsvp.v1', submission: 'dauys.events.submission.v1' } as const;
const CHANGE_PURPOSE = 'dauys.events.rsvp-change.v1';

const ID_PATTERN = /^[a-z0-9]{10,40}$/;

export function createToken(purpose: TokenPurpose, id: string): string {
  return signToken(SIGNED_PURPOSE[purpose], id);
}

/** The id inside a well-formed, untampered token, or null. */
export function verifyToken(purpose: TokenPurpose, token: string | null | undefined): string | null {
  const id = verifySignedToken(SIGNED_PURPOSE[purpose], token, 120);
  return id !== null && ID_PATTERN.test(id) ? id : null;
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
  return signJsonToken(CHANGE_PURPOSE, [change.rsvpId, change.name, change.guests, change.locale, issuedAt]);
}

/** The change inside a well-formed, untampered, unexpired change token, or null. */
export function verifyRsvpChangeToken(token: string | null | undefined, now = new Date()): RsvpChange | null {
  const parsed = verifySignedJsonToken(CHANGE_PURPOSE, token, ChangePayloadSchema, 1500);
  if (!parsed) return null;
  const [rsvpId, name, guests, locale, issuedAt] = parsed;
  const age = now.getTime() / 1000 - issuedAt;
  if (age < -300 || age > RSVP_CHANGE_LINK_TTL_SECONDS) return null;
  return { rsvpId, name, guests, locale };
}
