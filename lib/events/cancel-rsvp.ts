import { db } from '@/lib/db';
import { nudgeJob } from '@/lib/jobs/nudge-job';
import { promoteWaitlist, releaseSeats } from '@/lib/events/seats';
import { verifyToken } from '@/lib/events/tokens';

export type CancelRsvpResult = { status: 'invalid' } | { status: 'cancelled' | 'already-cancelled'; slug: string; promoted: string[] };

/**
 * Cancels an RSVP (POST from the mailed link's landing page). A confirmed one gives its seats back
 * and, in the same transaction, the waitlist is promoted, so a new answer arriving meanwhile cannot
 * take the seats ahead of the people waiting.
 */
export async function cancelRsvp(token: string, now = new Date()): Promise<CancelRsvpResult> {
  const id = verifyToken('rsvp', token);
  if (!id) return { status: 'invalid' };
  return cancelRsvpById(id, now);
}

export async function cancelRsvpById(id: string, now = new Date()): Promise<CancelRsvpResult> {
  const result = await db.$transaction(async (tx): Promise<CancelRsvpResult> => {
    const [row] = await tx.$queryRaw<Array<{ status: string; guests: number; eventId: string; slug: string }>>`
      SELECT r.status::text, r.guests, r."eventId", e.slug
        FROM "Rsvp" r JOIN "Event" e ON e.id = r."eventId" WHERE r.id = ${id} FOR UPDATE OF r`;
    if (!row) return { status: 'invalid' };
    if (row.status === 'CANCELLED') return { status: 'already-cancelled', slug: row.slug, promoted: [] };
    await tx.rsvp.update({
      where: { id },
      data: { status: 'CANCELLED', cancelledAt: now, waitlistedAt: null, mailPending: null },
    });
    if (row.status !== 'CONFIRMED') return { status: 'cancelled', slug: row.slug, promoted: [] };
    await releaseSeats(tx, row.eventId, 1 + row.guests);
    const promoted = await promoteWaitlist(tx, row.eventId, now);
    return { status: 'cancelled', slug: row.slug, promoted };
  });
  if (result.status === 'cancelled' && result.promoted.length > 0) nudgeJob('events.mail');
  return result;
}
