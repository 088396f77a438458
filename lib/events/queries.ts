import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EventStatus, RsvpStatus } from '@/lib/generated/prisma/enums';
import {
  dateColumnKey,
  dateColumnValue,
  dateRange,
  endOfKazakhstanDay,
  kazakhstanDateKey,
  startOfKazakhstanDay,
} from '@/lib/time/kazakhstan';
import type { CalendarFilter } from '@/lib/events/schemas';
import { keyring } from '@/lib/security/personal-data';
import { isSlug, LOCALES } from '@/lib/validation';
import { openAttendee } from '@/lib/events/sealed-attendee';

const calendarEventSelect = {
  id: true,
  slug: true,
  title: true,
  type: true,
  status: true,
  startsAt: true,
  endsAt: true,
  region: true,
  city: true,
  venue: true,
  isOnline: true,
  languages: true,
  capacity: true,
  seatsTaken: true,
} satisfies Prisma.EventSelect;

export type CalendarEvent = Prisma.EventGetPayload<{ select: typeof calendarEventSelect }>;
export type CalendarDay = { date: string; events: CalendarEvent[] };
/** A city of the calendar's filter: its key (the filter's value) and its name per language. */
export type CalendarCity = { key: string; name: Prisma.JsonValue };

/** Each city once, named as the event that writes its name in the most languages does (a partner may have written one). */
function citiesOf(rows: Array<{ cityKey: string; city: Prisma.JsonValue }>): CalendarCity[] {
  const forms = (name: Prisma.JsonValue) => LOCALES.filter((locale) => (name as Record<string, unknown> | null)?.[locale]).length;
  const byKey = new Map<string, Prisma.JsonValue>();
  for (const row of rows) {
    const known = byKey.get(row.cityKey);
    if (known === undefined || forms(row.city) > forms(known)) byKey.set(row.cityKey, row.city);
  }
  return [...byKey].map(([key, name]) => ({ key, name }));
}

/** The campaign to show: by slug, else the first one not over yet, else the latest. */
export async function findCampaign(slug?: string, now = new Date()) {
  if (slug) return isSlug(slug) ? db.eventCampaign.findUnique({ where: { slug } }) : null;
  const today = dateColumnValue(kazakhstanDateKey(now));
  return (
    (await db.eventCampaign.findFirst({ where: { endsOn: { gte: today } }, orderBy: { startsOn: 'asc' } })) ??
    (await db.eventCampaign.findFirst({ orderBy: { startsOn: 'desc' } }))
  );
}

function filterWhere(filter: CalendarFilter): Prisma.EventWhereInput {
  return {
    ...(filter.region ? { region: filter.region } : {}),
    ...(filter.city ? { cityKey: filter.city } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.lang ? { languages: { has: filter.lang } } : {}),
    ...(filter.mode ? { isOnline: filter.mode === 'online' } : {}),
  };
}

/**
 * The campaign's days, each with its events in start order. Days are Kazakhstan dates: an event at
 * 01:00 Almaty time on 26 November belongs to the 26th although it is the 25th in UTC.
 */
export async function findCalendar(
  campaign: { id: string; startsOn: Date; endsOn: Date },
  filter: CalendarFilter,
): Promise<{ days: CalendarDay[]; cities: CalendarCity[] }> {
  const first = dateColumnKey(campaign.startsOn);
  const last = dateColumnKey(campaign.endsOn);
  const window = { gte: startOfKazakhstanDay(first), lt: endOfKazakhstanDay(last) };
  const [events, cityRows] = await Promise.all([
    db.event.findMany({
      where: { campaignId: campaign.id, status: { in: ['PUBLISHED', 'CANCELLED'] }, startsAt: window, ...filterWhere(filter) },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      select: calendarEventSelect,
    }),
    db.event.findMany({
      where: { campaignId: campaign.id, status: 'PUBLISHED', ...(filter.region ? { region: filter.region } : {}) },
      orderBy: [{ cityKey: 'asc' }, { id: 'asc' }],
      select: { cityKey: true, city: true },
    }),
  ]);
  const byDay = new Map<string, CalendarEvent[]>(dateRange(first, last).map((day) => [day, []]));
  for (const event of events) byDay.get(kazakhstanDateKey(event.startsAt))?.push(event);
  return {
    days: [...byDay].map(([date, list]) => ({ date, events: list })),
    cities: citiesOf(cityRows),
  };
}

/** An event anyone may see: published or cancelled (cancelled pages stay up to say so). */
export async function findPublicEvent(slug: string) {
  if (!isSlug(slug)) return null;
  return db.event.findFirst({
    where: { slug, status: { in: ['PUBLISHED', 'CANCELLED'] } },
    include: { campaign: { select: { slug: true, name: true } } },
  });
}

/** Events for a feed: published and cancelled (as STATUS:CANCELLED), optionally one region. */
export async function findFeedEvents(options: { campaignId?: string; region?: Prisma.EventWhereInput['region'] }) {
  return db.event.findMany({
    where: {
      status: { in: ['PUBLISHED', 'CANCELLED'] },
      ...(options.campaignId ? { campaignId: options.campaignId } : {}),
      ...(options.region ? { region: options.region } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
}

export async function listEventCampaigns() {
  return db.eventCampaign.findMany({ orderBy: { startsOn: 'desc' }, include: { _count: { select: { events: true } } } });
}

export async function listConsoleEvents(options: { status?: EventStatus; campaignId?: string; q?: string } = {}) {
  return db.event.findMany({
    where: {
      ...(options.status ? { status: options.status } : {}),
      ...(options.campaignId ? { campaignId: options.campaignId } : {}),
      ...(options.q
        ? { OR: [{ slug: { contains: options.q.toLowerCase() } }, { cityKey: { contains: options.q, mode: 'insensitive' as const } }] }
        : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: { ...calendarEventSelect, submitterEmail: true, _count: { select: { rsvps: { where: { status: 'WAITLISTED' } } } } },
  });
}

/** Verified partner submissions waiting for a decision, oldest first. */
export async function listModerationQueue() {
  return db.event.findMany({
    where: { status: 'PENDING_REVIEW' },
    orderBy: { submitterVerifiedAt: 'asc' },
    include: { campaign: { select: { name: true } } },
  });
}

export async function getEventForConsole(id: string) {
  return db.event.findUnique({ where: { id }, include: { campaign: { select: { id: true, name: true, slug: true } } } });
}

/** How organizers see attendees (console and export): confirmed first, then the waitlist in order, then the rest. */
export const ATTENDEE_STATUS_ORDER: readonly RsvpStatus[] = ['CONFIRMED', 'WAITLISTED', 'PENDING_EMAIL', 'CANCELLED'];
export const ATTENDEE_ORDER_WITHIN_STATUS = [
  { waitlistedAt: 'asc' },
  { createdAt: 'asc' },
  { id: 'asc' },
] satisfies Prisma.RsvpOrderByWithRelationInput[];

/** One attendee as organizers see them, on the console page and in the CSV export (name and address sealed: open them with openAttendee). */
export const ATTENDEE_ROW_SELECT = {
  id: true,
  nameSealed: true,
  emailSealed: true,
  guests: true,
  status: true,
  locale: true,
  createdAt: true,
  confirmedAt: true,
  waitlistedAt: true,
  attendedAt: true,
  cancelledAt: true,
} satisfies Prisma.RsvpSelect;

/**
 * The attendee list an organizer opens (console page, check-in), in ATTENDEE_STATUS_ORDER, names and
 * addresses opened; each reading is audit-logged. `q` finds a part of a name or address: they are
 * sealed, so the database cannot search them; the event's list is opened here (the page shows all
 * of it anyway) and searched in memory.
 */
export async function listAttendees(eventId: string, viewer: { id: string }, q?: string) {
  // The search may be a name: it stays out of the log.
  await recordAudit({ actorId: viewer.id, action: 'event.attendees.view', subjectType: 'Event', subjectId: eventId });
  const keys = await keyring();
  const rows = await db.rsvp.findMany({
    where: { eventId, anonymisedAt: null },
    orderBy: ATTENDEE_ORDER_WITHIN_STATUS,
    select: ATTENDEE_ROW_SELECT,
  });
  const needle = q?.toLocaleLowerCase();
  return rows
    .map((row) => openAttendee(keys, row))
    .filter((row) => !needle || row.name.toLocaleLowerCase().includes(needle) || row.email.toLocaleLowerCase().includes(needle))
    .sort((a, b) => ATTENDEE_STATUS_ORDER.indexOf(a.status) - ATTENDEE_STATUS_ORDER.indexOf(b.status));
}
