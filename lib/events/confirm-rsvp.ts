import { db } from '@/lib/db';
import type { RsvpStatus } from '@/lib/generated/prisma/enums';
import { nudgeEventMailer } from '@/lib/events/nudge-mailer';
import { takeSeats } from '@/lib/events/seats';
import { verifyToken } from '@/lib/events/tokens';

export type ConfirmRsvpResult = { status: 'invalid' | 'closed' } | { status: 'done'; rsvp: RsvpStatus; slug: string };

/**
 * Double opt-in, by POST from the landing page (mail scanners only GET). A pending RSVP takes its
 * seats now, or joins the waitlist; confirming twice changes nothing.
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
    const seated = await takeSeats(tx, row.eventId, 1 + row.guests);
    await tx.$executeRaw`
      UPDATE "Rsvp" SET status = ${seated ? 'CONFIRMED' : 'WAITLISTED'}::"RsvpStatus",
             "confirmedAt" = CASE WHEN ${seated} THEN clock_timestamp() END,
             "waitlistedAt" = CASE WHEN ${seated} THEN NULL ELSE clock_timestamp() END,
             "mailPending" = 'STATUS', "updatedAt" = now()
       WHERE id = ${id}`;
    return { status: 'done', rsvp: seated ? 'CONFIRMED' : 'WAITLISTED', slug: row.slug };
  });
  if (result.status === 'done') nudgeEventMailer();
  return result;
}
