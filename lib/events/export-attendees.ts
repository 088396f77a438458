import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { listAttendees } from '@/lib/events/queries';

/** A CSV cell: quoted, and a leading =,+,-,@ neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const HEADER = ['name', 'email', 'guests', 'status', 'waitlist_position', 'language', 'rsvp_at', 'attended_at'];

/** The attendee list as CSV for an organizer; the export itself is audit-logged. */
export async function exportAttendees(actorId: string, eventId: string): Promise<{ filename: string; csv: string }> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { slug: true } });
  if (!event) throw new AppError('NOT_FOUND');
  const rows = await listAttendees(eventId);
  let position = 0;
  const lines = rows.map((row) => {
    const waitlistPosition = row.status === 'WAITLISTED' ? ++position : null;
    return [row.name, row.email, row.guests, row.status, waitlistPosition, row.locale, row.createdAt.toISOString(), row.attendedAt?.toISOString() ?? '']
      .map(csvCell)
      .join(',');
  });
  await recordAudit({ actorId, action: 'event.export-attendees', subjectType: 'Event', subjectId: eventId, details: { rows: rows.length } });
  return { filename: `attendees-${event.slug}.csv`, csv: `\uFEFF${[HEADER.join(','), ...lines].join('\r\n')}\r\n` };
}
