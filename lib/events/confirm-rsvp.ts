import { db } from '@/lib/db';
import type { RsvpStatus } from '@/lib/generated/prisma/enums';
import { nudgeJob } from '@/lib/jobs/nudge-job';
import { seatOrWaitlist } from '@/lib/events/seats';
import { verifyToken } from '@/lib/events/tokens';

export type ConfirmRsvpResult = { status: 'invalid' | 'closed' } | { status: 'done'; rsvp: RsvpStatus; slug: string };

/**
 * Double opt-in, by POST from the landing page (mail scanners only GET). Every new RSVP waits for
 * this (lib/events/rsvp-to-event.ts): a pending RSVP takes its seats now, or joins the waitlist;
 * confirming twice changes nothing.
 */
export async function confirmRsvp(token: string): Promise<ConfirmRsvpResult> {
  const id = verifyToken('rsvp', token);
  if (!id) return { status: 'invalid' };
  const result = await db.$transaction(async (tx): Promise<ConfirmRsvpResult> => {
    const [row] = await tx.$queryRaw<Array<{ status: RsvpStatus; guests: number; eventId: string; eventStatus: string; slug: string }>>`
      SELECT r.status, r.guests, r."eventId", e.status::text AS "eventStatus", e.slug
        FROM "Rsvp" r JOIN "Event" e ON e.id = r."eventId" WHERE r.id = ${id} FOR UPDATE OF r`;
    if (!row) return { status: 'invalid' };
    if (row.status !== 'PENDING_EMAIL') return { status: 'done', rsvp: row.status, slug: row.slug };
    if (row.eventStatus !== 'PUBLISHED') return { status: 'closed' };
    return { status: 'done', rsvp: await seatOrWaitlist(tx, row.eventId, id, row.guests), slug: row.slug };
  });
  if (result.status === 'done') nudgeJob('events.mail');
  return result;
}
