import { db } from '@/lib/db';
import { verifyToken } from '@/lib/events/tokens';

/** What a mailed RSVP link shows before its button is pressed (GET changes nothing). */
export async function findRsvpByToken(token: string | null | undefined) {
  const id = verifyToken('rsvp', token);
  if (!id) return null;
  return db.rsvp.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      status: true,
      guests: true,
      locale: true,
      event: { select: { slug: true, title: true, startsAt: true, status: true, onlineUrl: true, isOnline: true } },
    },
  });
}
