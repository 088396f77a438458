import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { verifyRsvpChangeToken, verifyToken } from '@/lib/events/tokens';

const RSVP_SELECT = {
  id: true,
  status: true,
  guests: true,
  locale: true,
  event: { select: { slug: true, title: true, startsAt: true, status: true, onlineUrl: true, isOnline: true } },
} satisfies Prisma.RsvpSelect;

/** What a mailed RSVP link shows before its button is pressed (GET changes nothing). */
export async function findRsvpByToken(token: string | null | undefined) {
  const id = verifyToken('rsvp', token);
  if (!id) return null;
  return db.rsvp.findUnique({ where: { id }, select: RSVP_SELECT });
}

/** What a mailed change link would apply, and to which RSVP, for its page before the button is pressed. */
export async function findRsvpChangeByToken(token: string | null | undefined, now = new Date()) {
  const change = verifyRsvpChangeToken(token, now);
  if (!change) return null;
  const rsvp = await db.rsvp.findUnique({ where: { id: change.rsvpId }, select: RSVP_SELECT });
  return rsvp ? { change, rsvp } : null;
}
