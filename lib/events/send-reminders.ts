import { db } from '@/lib/db';
import { sendMail } from '@/lib/mailer';
import { addDays, endOfKazakhstanDay, kazakhstanDateKey, startOfKazakhstanDay } from '@/lib/time/kazakhstan';
import { rsvpMail } from '@/lib/events/rsvp-mail-props';
import { getQueue } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';
import { openAttendee, type SealedRsvpMailRow } from '@/lib/events/sealed-attendee';

type Claimed = SealedRsvpMailRow & { eventId: string };

/**
 * Reminders for events on tomorrow's Kazakhstan date, to confirmed attendees, in their language.
 * Exactly once per attendee: each batch claims rows by setting reminderSentAt with a conditional
 * UPDATE and writes their outbox rows in the same transaction. A worker killed mid-batch rolls
 * both back (sent again later); a committed claim is never taken twice, even by two workers.
 */
export async function sendReminders(now = new Date(), batchSize = 200): Promise<number> {
  await getQueue();
  const keys = await keyring();
  const tomorrow = addDays(kazakhstanDateKey(now), 1);
  const from = startOfKazakhstanDay(tomorrow);
  const until = endOfKazakhstanDay(tomorrow);
  let sent = 0;
  for (;;) {
    const count = await db.$transaction(
      async (tx) => {
        const claimed = await tx.$queryRaw<Claimed[]>`
          UPDATE "Rsvp" r SET "reminderSentAt" = ${now}
            FROM (SELECT r2.id FROM "Rsvp" r2 JOIN "Event" e ON e.id = r2."eventId"
                   WHERE r2.status = 'CONFIRMED' AND r2."reminderSentAt" IS NULL
                     AND e.status = 'PUBLISHED' AND e."startsAt" >= ${from} AND e."startsAt" < ${until}
                   ORDER BY r2.id LIMIT ${batchSize}
                   FOR UPDATE OF r2 SKIP LOCKED) due
           WHERE r.id = due.id AND r."reminderSentAt" IS NULL
          RETURNING r.id, r."emailSealed", r."supporterId", r."nameSealed", r.guests, r.locale, r."eventId"`;
        const events = new Map<string, Awaited<ReturnType<typeof tx.event.findUniqueOrThrow>>>();
        for (const row of claimed.map((sealed) => openAttendee(keys, sealed))) {
          if (!events.has(row.eventId)) events.set(row.eventId, await tx.event.findUniqueOrThrow({ where: { id: row.eventId } }));
          await sendMail(rsvpMail('reminder', row, events.get(row.eventId)!), tx);
        }
        return claimed.length;
      },
      { timeout: 120_000 },
    );
    sent += count;
    if (count < batchSize) return sent;
  }
}
