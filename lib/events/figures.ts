import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Region } from '@/lib/generated/prisma/enums';
import { kazakhstanDateKeySql } from '@/lib/time/sql';

export type EventFigures = {
  rsvpsPerDay: Array<{ day: string; rsvps: number }>;
  perRegion: Array<{ region: Region; events: number; confirmed: number; seats: number; waitlisted: number }>;
  confirmed: number;
  waitlisted: number;
  attended: number;
  /** Attended ÷ confirmed among events that have started; null before any has. */
  attendanceRate: number | null;
};

/** Figures for one event or a whole campaign. Days are Kazakhstan dates. */
export async function getEventFigures(scope: { eventId?: string; campaignId?: string }, now = new Date()): Promise<EventFigures> {
  const where = scope.eventId
    ? Prisma.sql`e.id = ${scope.eventId}`
    : scope.campaignId
      ? Prisma.sql`e."campaignId" = ${scope.campaignId}`
      : Prisma.sql`TRUE`;
  const [perDay, perRegion, totals] = await Promise.all([
    db.$queryRaw<Array<{ day: string; rsvps: number }>>`
      SELECT ${kazakhstanDateKeySql(Prisma.sql`r."createdAt"`)} AS day, count(*)::int AS rsvps
        FROM "Rsvp" r JOIN "Event" e ON e.id = r."eventId"
       WHERE ${where} AND r.status <> 'CANCELLED'
       GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<EventFigures['perRegion']>`
      SELECT e.region::text AS region, count(DISTINCT e.id)::int AS events,
             count(r.id) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
             coalesce(sum(1 + r.guests) FILTER (WHERE r.status = 'CONFIRMED'), 0)::int AS seats,
             count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
        FROM "Event" e LEFT JOIN "Rsvp" r ON r."eventId" = e.id
       WHERE ${where} AND e.status = 'PUBLISHED'
       GROUP BY 1 ORDER BY confirmed DESC, region`,
    db.$queryRaw<Array<{ confirmed: number; waitlisted: number; attended: number; startedConfirmed: number }>>`
      SELECT count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
             count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
             count(*) FILTER (WHERE r.status = 'CONFIRMED' AND r."attendedAt" IS NOT NULL)::int AS attended,
             count(*) FILTER (WHERE r.status = 'CONFIRMED' AND e."startsAt" <= ${now})::int AS "startedConfirmed"
        FROM "Rsvp" r JOIN "Event" e ON e.id = r."eventId"
       WHERE ${where}`,
  ]);
  const total = totals[0] ?? { confirmed: 0, waitlisted: 0, attended: 0, startedConfirmed: 0 };
  return {
    rsvpsPerDay: perDay,
    perRegion,
    confirmed: total.confirmed,
    waitlisted: total.waitlisted,
    attended: total.attended,
    attendanceRate: total.startedConfirmed > 0 ? total.attended / total.startedConfirmed : null,
  };
}
