import { Prisma } from '@/lib/generated/prisma/client';

/** People holding a confirmed RSVP to one event (not cancelled, not waitlisted). */
export function eventAttendeesSql(eventId: string): Prisma.Sql {
  return Prisma.sql`SELECT rsvp."supporterId" AS id FROM "Rsvp" rsvp
    WHERE rsvp."eventId" = ${eventId} AND rsvp.status = 'CONFIRMED'`;
}
