import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { cityKey } from '@/lib/events/city-key';
import type { Locale } from '@/lib/generated/prisma/enums';
import { confirmRsvp } from '@/lib/events/confirm-rsvp';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { SubmitEventSchema, type RsvpData } from '@/lib/events/schemas';
import { createToken } from '@/lib/events/tokens';
import { openAttendee } from '@/lib/events/sealed-attendee';
import { keyring } from '@/lib/security/personal-data';
import { kazakhstanDateFromToday } from '../support/clock';
import { outboxTo } from '../support/personal-data';

let sequence = 0;
const text = (value: string) => ({ kk: `${value} (kk)`, ru: `${value} (ru)`, en: value });

/** The default test campaign's 16 days (Kazakhstan dates): from today, so its events can lie ahead. */
export const CAMPAIGN_DAYS = { startsOn: kazakhstanDateFromToday(0), endsOn: kazakhstanDateFromToday(15) };

/** The Kazakhstan date of fixture events: inside CAMPAIGN_DAYS and days ahead, so RSVPs are open. */
export const EVENT_DAY = kazakhstanDateFromToday(3);

export async function createCampaign(startsOn = CAMPAIGN_DAYS.startsOn, endsOn = CAMPAIGN_DAYS.endsOn) {
  sequence += 1;
  return db.eventCampaign.create({
    data: {
      slug: `test-campaign-${sequence}-${Date.now()}`,
      name: text('16 Days of Activism test'),
      startsOn: new Date(`${startsOn}T00:00:00Z`),
      endsOn: new Date(`${endsOn}T00:00:00Z`),
    },
  });
}

type Place = string | Partial<Record<Locale, string>>;

/** An event; a `city` given as one name is written the same in every language; `venue: null` means none. */
export async function createEvent(
  campaignId: string,
  {
    city: cityName = 'Almaty',
    venue,
    ...data
  }: Partial<Omit<Prisma.EventUncheckedCreateInput, 'city' | 'venue'>> & { city?: Place; venue?: string | null } = {},
) {
  sequence += 1;
  const city = typeof cityName === 'string' ? { kk: cityName, ru: cityName, en: cityName } : cityName;
  return db.event.create({
    data: {
      campaignId,
      slug: `test-event-${sequence}-${Date.now()}`,
      title: text('Test rally'),
      description: text('A test event'),
      type: 'RALLY',
      // 18:00–20:00 in Kazakhstan (UTC+5).
      startsAt: new Date(`${EVENT_DAY}T13:00:00Z`),
      endsAt: new Date(`${EVENT_DAY}T15:00:00Z`),
      region: 'ALMATY',
      city,
      cityKey: cityKey(city),
      venue: venue === null ? Prisma.DbNull : text(venue ?? 'Republic Square'),
      address: text('Satpayev St 1'),
      languages: ['kk', 'ru'],
      organiserName: text('Test organisers'),
      status: 'PUBLISHED',
      maxGuestsPerRsvp: 2,
      ...data,
    },
  });
}

export function attendee(email: string, extra: Partial<RsvpData> = {}): RsvpData {
  return { name: 'Aigerim Karimova', email, guests: 0, consent: true, locale: 'en', website: undefined, ...extra };
}

export async function createOrganizerUser() {
  return db.user.create({ data: { email: `organizer-${randomUUID()}@example.org`, role: 'ORGANIZER' } });
}

export type OutboxMail = {
  toAddress: string;
  template: string;
  subject: string;
  locale: Locale;
  props: Record<string, unknown>;
  attachments: Array<{ filename: string; content: string; contentType: string }>;
};

/** Which outbox rows: SQL conditions, and `to`, the recipient (sealed, so it is matched once opened). */
export type OutboxFilter = Prisma.OutboundMailWhereInput & { to?: string | ((address: string) => boolean) };

/** Mail queued in the outbox, opened (the payload is what the recipient would get), oldest first. */
export async function outbox({ to, ...where }: OutboxFilter = {}): Promise<OutboxMail[]> {
  const isTo = typeof to === 'string' ? (address: string) => address === to : to;
  return (await outboxTo(undefined, where))
    .reverse()
    .filter((row) => !isTo || isTo(row.toAddress))
    .map((row) => {
      const payload = (row.payload ?? {}) as Partial<Pick<OutboxMail, 'props' | 'attachments'>>;
      return {
        toAddress: row.toAddress,
        template: row.template,
        subject: row.subject,
        locale: row.locale,
        props: payload.props ?? {},
        attachments: payload.attachments ?? [],
      };
    });
}

/** The RSVPs `where` finds, their sealed address and name opened, in the order they were made. */
export async function rsvpsOf(where: Prisma.RsvpWhereInput) {
  const keys = await keyring();
  const rows = await db.rsvp.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map((row) => openAttendee(keys, row));
}

export function tokenFrom(url: unknown): string {
  const token = new URL(String(url)).searchParams.get('token');
  if (!token) throw new Error(`no token in ${String(url)}`);
  return token;
}

export async function seatsOf(eventId: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { seatsTaken: true, capacity: true } });
  const confirmed = await db.rsvp.findMany({ where: { eventId, status: 'CONFIRMED' }, select: { guests: true } });
  return { ...event, trueSeats: confirmed.reduce((sum, row) => sum + 1 + row.guests, 0), confirmed: confirmed.length };
}

/** An RSVP as its person makes it: the form, then the button behind the mailed link. */
/** An RSVP as a person (not a bot) answers it: stored, waiting for its mailed link. */
export async function rsvpAsPerson(slug: string, data: RsvpData, now?: Date) {
  const outcome = await rsvpToEvent(slug, data, { now });
  if (outcome.answer === 'ignored') throw new Error('the honeypot was filled');
  return outcome;
}

export async function rsvpAndConfirm(slug: string, data: RsvpData, now?: Date) {
  const { rsvpId } = await rsvpAsPerson(slug, data, now);
  const confirmed = await confirmRsvp(createToken('rsvp', rsvpId));
  if (confirmed.status !== 'done') throw new Error(`confirm: ${confirmed.status}`);
  return { rsvpId, status: confirmed.rsvp };
}

/** A partner's event submission as the public form sends it, for a day of the fixture campaign. */
export function partnerSubmission(email: string, extra: Record<string, unknown> = {}) {
  return SubmitEventSchema.parse(partnerSubmissionInput(email, extra));
}

/** The fields of partnerSubmission before the form's schema reads them. */
export function partnerSubmissionInput(email: string, extra: Record<string, unknown> = {}) {
  return {
    title: 'Orange walk in Karaganda',
    description: 'A walk through the city centre with orange scarves.',
    type: 'MARCH',
    startsAt: `${EVENT_DAY}T12:00`,
    endsAt: `${EVENT_DAY}T14:00`,
    region: 'KARAGANDA',
    city: { ru: 'Караганда' },
    venue: { ru: 'Центральный парк' },
    languages: ['ru', 'kk'],
    organiserName: { ru: 'Круг женщин Караганды' },
    submitterName: 'Saule Nurlanova',
    submitterEmail: email,
    consent: 'on',
    locale: 'ru',
    ...extra,
  };
}
