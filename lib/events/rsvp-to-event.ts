import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RsvpStatus } from '@/lib/generated/prisma/enums';
import { EVENT_PRIVACY_NOTICE_VERSION } from '@/lib/events/constants';
import { nudgeEventMailer } from '@/lib/events/nudge-mailer';
import type { RsvpData } from '@/lib/events/schemas';
import { promoteWaitlist, releaseSeats, takeSeats } from '@/lib/events/seats';

type Tx = Prisma.TransactionClient;

export type RsvpOutcome = {
  rsvpId: string;
  status: RsvpStatus;
  /** created: a new RSVP; updated: an existing one took the new answer; guests-unavailable: more
   * guests were asked for than seats are left, and the RSVP kept its previous guest count. */
  change: 'created' | 'updated' | 'guests-unavailable';
};

type EventRow = { id: string; status: string; endsAt: Date; maxGuestsPerRsvp: number; requiresEmailConfirmation: boolean; noticeSequence: number };
type RsvpRow = { id: string; status: RsvpStatus; guests: number };

async function lockExisting(tx: Tx, eventId: string, email: string): Promise<RsvpRow | undefined> {
  const [row] = await tx.$queryRaw<RsvpRow[]>`
    SELECT id, status, guests FROM "Rsvp" WHERE "eventId" = ${eventId} AND email = ${email} FOR UPDATE`;
  return row;
}

async function upsertSupporter(tx: Tx, data: RsvpData, now: Date): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Supporter" (id, email, name, locale, "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${data.email}, ${data.name}, ${data.locale}::"Locale", ${now}, ${now})
    ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
    RETURNING id`;
  return row!.id;
}

/** Seats for a new answer: confirmed if they fit, otherwise the end of the waitlist. */
async function placeNew(tx: Tx, event: EventRow, rsvpId: string, guests: number): Promise<RsvpStatus> {
  if (event.requiresEmailConfirmation) return 'PENDING_EMAIL';
  const seated = await takeSeats(tx, event.id, 1 + guests);
  // clock_timestamp(): the moment this answer met the full event, so the waitlist keeps arrival order.
  await tx.$executeRaw`
    UPDATE "Rsvp" SET status = ${seated ? 'CONFIRMED' : 'WAITLISTED'}::"RsvpStatus",
           "confirmedAt" = CASE WHEN ${seated} THEN clock_timestamp() END,
           "waitlistedAt" = CASE WHEN ${seated} THEN NULL ELSE clock_timestamp() END
     WHERE id = ${rsvpId}`;
  return seated ? 'CONFIRMED' : 'WAITLISTED';
}

async function answerAgain(tx: Tx, event: EventRow, existing: RsvpRow, data: RsvpData, now: Date): Promise<RsvpOutcome> {
  const base = { name: data.name, locale: data.locale, updatedAt: now, mailPending: 'STATUS' as const };
  if (existing.status === 'CANCELLED') {
    await tx.rsvp.update({
      where: { id: existing.id },
      data: { ...base, guests: data.guests, status: 'PENDING_EMAIL', cancelledAt: null, reminderSentAt: null, notifiedSequence: event.noticeSequence },
    });
    const status = await placeNew(tx, event, existing.id, data.guests);
    return { rsvpId: existing.id, status, change: 'updated' };
  }
  if (existing.status === 'CONFIRMED') {
    const delta = data.guests - existing.guests;
    if (delta > 0 && !(await takeSeats(tx, event.id, delta))) {
      await tx.rsvp.update({ where: { id: existing.id }, data: { name: data.name, locale: data.locale } });
      return { rsvpId: existing.id, status: 'CONFIRMED', change: 'guests-unavailable' };
    }
    await tx.rsvp.update({ where: { id: existing.id }, data: { ...base, guests: data.guests } });
    if (delta < 0) {
      await releaseSeats(tx, event.id, -delta);
      await promoteWaitlist(tx, event.id, now);
    }
    return { rsvpId: existing.id, status: 'CONFIRMED', change: 'updated' };
  }
  // PENDING_EMAIL holds no seat; WAITLISTED keeps its place and may now fit.
  await tx.rsvp.update({ where: { id: existing.id }, data: { ...base, guests: data.guests } });
  let status: RsvpStatus = existing.status;
  if (status === 'WAITLISTED' && (await promoteWaitlist(tx, event.id, now)).includes(existing.id)) status = 'CONFIRMED';
  return { rsvpId: existing.id, status, change: 'updated' };
}

/**
 * RSVP without an account. One answer per (event, email): answering again updates the guest count
 * (re-checked against capacity). New answers get a seat if the party fits, else the waitlist; an
 * event that asks for it holds no seat until the email is confirmed. The mail is owed by the row
 * (mailPending) and sent by the events mail job, so the event row is locked only for the seat
 * statement and the commit, never while a mail renders.
 */
export async function rsvpToEvent(slug: string, data: RsvpData, now = new Date()): Promise<RsvpOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<EventRow[]>`
      SELECT id, status::text, "endsAt", "maxGuestsPerRsvp", "requiresEmailConfirmation", "noticeSequence"
        FROM "Event" WHERE slug = ${slug}`;
    if (!event) throw new AppError('NOT_FOUND');
    if (event.status !== 'PUBLISHED' || event.endsAt <= now) throw new AppError('CLOSED');
    if (data.guests > event.maxGuestsPerRsvp) throw new AppError('INVALID', 'guests:guestsTooMany');

    const existing = await lockExisting(tx, event.id, data.email);
    if (existing) return answerAgain(tx, event, existing, data, now);

    const supporterId = await upsertSupporter(tx, data, now);
    const id = randomUUID().replaceAll('-', '');
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Rsvp" (id, "eventId", "supporterId", email, name, guests, locale, status, "consentVersion",
                          "notifiedSequence", "mailPending", "createdAt", "updatedAt")
      VALUES (${id}, ${event.id}, ${supporterId}, ${data.email}, ${data.name}, ${data.guests}, ${data.locale}::"Locale",
              'PENDING_EMAIL', ${EVENT_PRIVACY_NOTICE_VERSION}, ${event.noticeSequence}, 'STATUS', ${now}, ${now})
      ON CONFLICT ("eventId", email) DO NOTHING
      RETURNING id`;
    if (inserted.length === 0) {
      // The same address answered at the same instant in another request: treat this one as its update.
      const raced = await lockExisting(tx, event.id, data.email);
      if (!raced) throw new AppError('CONFLICT');
      return answerAgain(tx, event, raced, data, now);
    }
    await tx.consent.create({
      data: { supporterId, purpose: 'privacy_notice', textVersion: EVENT_PRIVACY_NOTICE_VERSION, action: 'event_rsvp', givenAt: now },
    });
    const status = await placeNew(tx, event, id, data.guests);
    return { rsvpId: id, status, change: 'created' as const };
  });
  nudgeEventMailer();
  return outcome;
}
