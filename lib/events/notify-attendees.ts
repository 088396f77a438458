import { db } from '@/lib/db';
import { sendMail } from '@/lib/mailer';
import { rsvpMail } from '@/lib/events/rsvp-mail-props';
import { getQueue } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';
import { openAttendee, type SealedRsvpMailRow } from '@/lib/events/sealed-attendee';

/**
 * Tells attendees (confirmed and waitlisted) about the newest time/place change or cancellation of
 * each event: rows whose notifiedSequence is behind the event's noticeSequence. Claim and outbox
 * share a transaction, so each attendee gets one notice per change, whatever restarts happen.
 */
export async function notifyAttendees(batchSize = 200): Promise<number> {
  await getQueue();
  const keys = await keyring();
  const pending = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT e.id FROM "Event" e JOIN "Rsvp" r ON r."eventId" = e.id
     WHERE r."notifiedSequence" < e."noticeSequence" AND r.status IN ('CONFIRMED', 'WAITLISTED')`;
  let sent = 0;
  for (const { id: eventId } of pending) {
    for (;;) {
      const count = await db.$transaction(
        async (tx) => {
          const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
          const due = await tx.$queryRaw<SealedRsvpMailRow[]>`
            UPDATE "Rsvp" r SET "notifiedSequence" = ${event.noticeSequence}
              FROM (SELECT id FROM "Rsvp"
                     WHERE "eventId" = ${eventId} AND "notifiedSequence" < ${event.noticeSequence}
                       AND status IN ('CONFIRMED', 'WAITLISTED') AND "anonymisedAt" IS NULL
                     ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED) d
             WHERE r.id = d.id
            RETURNING r.id, r."emailSealed", r."supporterId", r."nameSealed", r.guests, r.locale`;
          const kind = event.status === 'CANCELLED' ? 'cancelled' : 'changed';
          const note = event.status === 'CANCELLED' ? (event.cancellationNote ?? undefined) : undefined;
          for (const row of due.map((sealed) => openAttendee(keys, sealed))) {
            await sendMail(rsvpMail(kind, row, event, { note }), tx);
          }
          return due.length;
        },
        { timeout: 120_000 },
      );
      sent += count;
      if (count < batchSize) break;
    }
  }
  return sent;
}
