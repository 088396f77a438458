import { db } from '@/lib/db';
import { waitForSpareCpu } from '@/lib/jobs/spare-cpu';
import type { EventRsvpMailKind } from '@/emails/events-rsvp';
import type { RsvpMailKind, RsvpStatus } from '@/lib/generated/prisma/enums';
import { sendMail } from '@/lib/mailer';
import { buildEventCalendar, type IcalEventSource } from '@/lib/events/ical';
import { rsvpMail, type MailEvent } from '@/lib/events/rsvp-mail-props';
import { getQueue } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';
import { openAttendee, type SealedRsvpMailRow } from '@/lib/events/sealed-attendee';

type DueRow = SealedRsvpMailRow & { status: RsvpStatus; mailPending: RsvpMailKind; eventId: string; waitlistedAt: Date | null };

function kindFor(row: Pick<DueRow, 'status' | 'mailPending'>): EventRsvpMailKind | null {
  if (row.status === 'PENDING_EMAIL') return 'check-email';
  if (row.status === 'WAITLISTED') return 'waitlisted';
  if (row.status === 'CONFIRMED') return row.mailPending === 'PROMOTED' ? 'promoted' : 'confirmed';
  return null;
}

/**
 * Sends the mails RSVP rows owe (mailPending), a batch per transaction: the claim (clearing
 * mailPending) and the outbox rows commit together, so each owed mail is queued exactly once even
 * if the worker dies mid-batch. The mail describes the row as it is now.
 */
export async function sendRsvpMails(batchSize = 100): Promise<number> {
  await getQueue();
  const keys = await keyring();
  let sent = 0;
  for (;;) {
    await waitForSpareCpu();
    const count = await db.$transaction(
      async (tx) => {
        const due = await tx.$queryRaw<DueRow[]>`
          SELECT id, "emailSealed", "supporterId", "nameSealed", guests, locale, status, "mailPending", "eventId", "waitlistedAt"
            FROM "Rsvp" WHERE "mailPending" IS NOT NULL
           ORDER BY "updatedAt", id
           LIMIT ${batchSize}
           FOR UPDATE SKIP LOCKED`;
        if (due.length === 0) return 0;
        const events = new Map<string, MailEvent & IcalEventSource>();
        for (const eventId of new Set(due.map((row) => row.eventId))) {
          const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
          events.set(eventId, event);
        }
        for (const sealed of due) {
          const row = openAttendee(keys, sealed);
          await tx.rsvp.update({ where: { id: row.id }, data: { mailPending: null } });
          const event = events.get(row.eventId)!;
          const kind = kindFor(row);
          if (!kind || event.status !== 'PUBLISHED') continue;
          let waitlistPosition: number | undefined;
          if (kind === 'waitlisted') {
            waitlistPosition = await tx.rsvp.count({
              where: {
                eventId: row.eventId,
                status: 'WAITLISTED',
                OR: [{ waitlistedAt: { lt: row.waitlistedAt! } }, { waitlistedAt: row.waitlistedAt!, id: { lte: row.id } }],
              },
            });
          }
          const hasSeat = kind === 'confirmed' || kind === 'promoted';
          await sendMail(
            {
              ...rsvpMail(kind, row, event, { waitlistPosition }),
              // The attendee's own calendar entry, private online link included: they hold a seat.
              attachments: hasSeat
                ? [
                    {
                      filename: `${event.slug}.ics`,
                      content: buildEventCalendar(event, row.locale, { showPrivateLink: true }),
                      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                    },
                  ]
                : undefined,
            },
            tx,
          );
        }
        return due.length;
      },
      { timeout: 60_000 },
    );
    sent += count;
    if (count < batchSize) return sent;
  }
}
