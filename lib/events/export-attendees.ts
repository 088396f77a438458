import { recordAudit } from '@/lib/audit';
import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { csvStream, type CsvCell } from '@/lib/csv/csv-stream';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ATTENDEE_ORDER_WITHIN_STATUS, ATTENDEE_ROW_SELECT, ATTENDEE_STATUS_ORDER } from '@/lib/events/queries';
import type { Prisma } from '@/lib/generated/prisma/client';
import { keyring } from '@/lib/security/personal-data';
import { openAttendee } from '@/lib/events/sealed-attendee';

export const EXPORT_BATCH = 1_000;

const COLUMNS = ['name', 'email', 'guests', 'status', 'waitlist_position', 'language', 'rsvp_at', 'attended_at'];

/**
 * The attendee list of an event as CSV for an organizer, in the console's order, streamed in
 * batches read as the client downloads, each opened (names and addresses are sealed) as it is
 * written. Only with a fresh second factor; the export is audit-logged before the first byte leaves.
 */
export async function exportAttendeesCsv(
  actor: Actor,
  eventId: string,
  batchSize = EXPORT_BATCH,
): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  await assertFreshSecondFactor(actor);
  const event = await db.event.findUnique({ where: { id: eventId }, select: { slug: true, _count: { select: { rsvps: true } } } });
  if (!event) throw new AppError('NOT_FOUND');
  await recordAudit({
    actorId: actor.id,
    action: 'event.export-attendees',
    subjectType: 'Event',
    subjectId: eventId,
    details: { rows: event._count.rsvps },
  });
  // The header has always been bare column names; the cells below are quoted.
  return { filename: `attendees-${event.slug}.csv`, stream: csvStream(COLUMNS.join(','), attendeeRows(eventId, batchSize)) };
}

async function* attendeeRows(eventId: string, batchSize: number): AsyncGenerator<CsvCell[][]> {
  const keys = await keyring();
  let waitlistPosition = 0;
  for (const status of ATTENDEE_STATUS_ORDER) {
    let after: Prisma.RsvpWhereInput = {};
    for (;;) {
      const rows = await db.rsvp.findMany({
        where: { eventId, status, anonymisedAt: null, ...after },
        orderBy: ATTENDEE_ORDER_WITHIN_STATUS,
        take: batchSize,
        select: ATTENDEE_ROW_SELECT,
      });
      if (rows.length === 0) break;
      after = rowsAfter(rows.at(-1)!);
      yield rows
        .map((sealed) => openAttendee(keys, sealed))
        .map((row) => [
          row.name,
          row.email,
          row.guests,
          row.status,
          row.status === 'WAITLISTED' ? ++waitlistPosition : null,
          row.locale,
          row.createdAt.toISOString(),
          row.attendedAt?.toISOString() ?? '',
        ]);
      if (rows.length < batchSize) break;
    }
  }
}

/** Keyset for ATTENDEE_ORDER_WITHIN_STATUS (waitlistedAt with nulls last, createdAt, id): the rows after `row`. */
function rowsAfter(row: { waitlistedAt: Date | null; createdAt: Date; id: string }): Prisma.RsvpWhereInput {
  const later = { OR: [{ createdAt: { gt: row.createdAt } }, { createdAt: row.createdAt, id: { gt: row.id } }] };
  if (row.waitlistedAt === null) return { waitlistedAt: null, ...later };
  return { OR: [{ waitlistedAt: { gt: row.waitlistedAt } }, { waitlistedAt: row.waitlistedAt, ...later }, { waitlistedAt: null }] };
}
