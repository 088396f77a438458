import { db } from '@/lib/db';
import type { RsvpStatus } from '@/lib/generated/prisma/enums';
import { nudgeJob } from '@/lib/jobs/nudge-job';
import { promoteWaitlist, releaseSeats, seatOrWaitlist, takeSeats } from '@/lib/events/seats';
import { verifyRsvpChangeToken } from '@/lib/events/tokens';
import { keyring } from '@/lib/security/personal-data';

export type ApplyRsvpChangeResult =
  | { status: 'invalid' }
  | { status: 'closed' | 'too-many-guests'; slug: string }
  /** guests-unavailable: more guests than seats are left; the RSVP kept its previous guest count. */
  | { status: 'done'; rsvp: RsvpStatus; change: 'updated' | 'guests-unavailable'; slug: string };

type Row = {
  id: string;
  status: RsvpStatus;
  nameSealed: string;
  guests: number;
  locale: string;
  eventId: string;
  eventStatus: string;
  endsAt: Date;
  maxGuestsPerRsvp: number;
  noticeSequence: number;
  slug: string;
};

/**
 * The POST behind the mailed change link (lib/events/rsvp-to-event.ts): the new answer replaces the
 * old one. A pending RSVP is confirmed with it (a seat, or the waitlist), a cancelled one comes back
 * the same way, a confirmed one gets its new guest count if the seats are there (else it keeps the
 * previous count), a waitlisted one keeps its place. Pressing again changes nothing more.
 */
export async function applyRsvpChange(token: string, now = new Date()): Promise<ApplyRsvpChangeResult> {
  const change = verifyRsvpChangeToken(token, now);
  if (!change) return { status: 'invalid' };
  const keys = await keyring();
  const result = await db.$transaction(async (tx): Promise<ApplyRsvpChangeResult> => {
    const [row] = await tx.$queryRaw<Row[]>`
      SELECT r.id, r.status, r."nameSealed", r.guests, r.locale::text, r."eventId", e.status::text AS "eventStatus", e."endsAt",
             e."maxGuestsPerRsvp", e."noticeSequence", e.slug
        FROM "Rsvp" r JOIN "Event" e ON e.id = r."eventId" WHERE r.id = ${change.rsvpId} FOR UPDATE OF r`;
    if (!row) return { status: 'invalid' };
    if (row.eventStatus !== 'PUBLISHED' || row.endsAt <= now) return { status: 'closed', slug: row.slug };
    if (change.guests > row.maxGuestsPerRsvp) return { status: 'too-many-guests', slug: row.slug };
    const done = (rsvp: RsvpStatus, outcome: 'updated' | 'guests-unavailable' = 'updated') => ({
      status: 'done' as const,
      rsvp,
      change: outcome,
      slug: row.slug,
    });
    const answer = { nameSealed: keys.seal('name', change.name), locale: change.locale, updatedAt: now };

    if (row.status === 'PENDING_EMAIL' || row.status === 'CANCELLED') {
      await tx.rsvp.update({
        where: { id: row.id },
        data: {
          ...answer,
          guests: change.guests,
          status: 'PENDING_EMAIL',
          ...(row.status === 'CANCELLED' ? { cancelledAt: null, reminderSentAt: null, notifiedSequence: row.noticeSequence } : {}),
        },
      });
      return done(await seatOrWaitlist(tx, row.eventId, row.id, change.guests));
    }
    if (keys.open('name', row.nameSealed) === change.name && row.guests === change.guests && row.locale === change.locale)
      return done(row.status);

    if (row.status === 'CONFIRMED') {
      const delta = change.guests - row.guests;
      if (delta > 0 && !(await takeSeats(tx, row.eventId, delta))) {
        await tx.rsvp.update({ where: { id: row.id }, data: answer });
        return done('CONFIRMED', 'guests-unavailable');
      }
      await tx.rsvp.update({ where: { id: row.id }, data: { ...answer, guests: change.guests, mailPending: 'STATUS' } });
      if (delta < 0) {
        await releaseSeats(tx, row.eventId, -delta);
        await promoteWaitlist(tx, row.eventId, now);
      }
      return done('CONFIRMED');
    }
    // WAITLISTED keeps its place, and may now fit.
    await tx.rsvp.update({ where: { id: row.id }, data: { ...answer, guests: change.guests, mailPending: 'STATUS' } });
    const isPromoted = (await promoteWaitlist(tx, row.eventId, now)).includes(row.id);
    return done(isPromoted ? 'CONFIRMED' : 'WAITLISTED');
  });
  if (result.status === 'done') nudgeJob('events.mail');
  return result;
}
