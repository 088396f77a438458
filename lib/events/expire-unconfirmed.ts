import { db } from '@/lib/db';

/** How long an unconfirmed RSVP or an unverified partner submission waits for its mailed link. */
export const UNCONFIRMED_KEEP_DAYS = 7;

/**
 * Drops what a stranger could have typed and nobody confirmed: RSVPs still waiting for their email
 * (untouched for a week, or for an event that has ended) and partner submissions whose address was
 * never verified. They hold no seat and were never public, so nothing else changes; their links then
 * answer "invalid". Organizers' own drafts (no submitter) are kept.
 */
export async function expireUnconfirmedEventRecords(now = new Date()): Promise<{ rsvps: number; submissions: number }> {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_KEEP_DAYS * 86_400_000);
  const rsvps = await db.rsvp.deleteMany({
    where: { status: 'PENDING_EMAIL', OR: [{ updatedAt: { lt: cutoff } }, { event: { endsAt: { lt: now } } }] },
  });
  const submissions = await db.event.deleteMany({
    where: { status: 'DRAFT', submitterEmail: { not: null }, submitterVerifiedAt: null, createdAt: { lt: cutoff } },
  });
  return { rsvps: rsvps.count, submissions: submissions.count };
}
