import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { mailDomain } from '@/lib/smtp-transport';
import { eventPageUrl } from '@/lib/events/links';
import type { MailEvent } from '@/lib/events/rsvp-mail-props';
import { localized } from '@/lib/i18n/localized';

export type IcalEventSource = MailEvent & {
  id: string;
  status: string;
  organiserName: unknown;
  sequence: number;
  updatedAt: Date;
  createdAt: Date;
};

const PROD_ID = { company: 'Dauys', product: 'Events', language: 'EN' };

/** Stable across edits and hosts' renames of the slug: the event's id at the mail domain. */
export function eventUid(eventId: string): string {
  return `event-${eventId}@${mailDomain()}`;
}

/** Where the event is, in `locale`: "venue, address, city" (each in its form for that language), or the online label. */
export function eventLocation(
  event: Pick<IcalEventSource, 'isOnline' | 'venue' | 'address' | 'city'>,
  locale: string,
  onlineLabel = 'Online',
): string {
  if (event.isOnline) return onlineLabel;
  return [event.venue, event.address, event.city]
    .map((place) => localized(place, locale))
    .filter(Boolean)
    .join(', ');
}

/** The online link goes into a calendar only when it is public, or for a confirmed attendee. */
function onlineLine(event: IcalEventSource, showPrivate: boolean): string | null {
  if (!event.isOnline || !event.onlineUrl) return null;
  return !event.isOnlineLinkPrivate || showPrivate ? event.onlineUrl : null;
}

function addEvent(calendar: ReturnType<typeof ical>, event: IcalEventSource, locale: string, showPrivate: boolean) {
  const online = onlineLine(event, showPrivate);
  const description = [localized(event.description, locale), localized(event.organiserName, locale), online].filter(Boolean).join('\n\n');
  calendar.createEvent({
    id: eventUid(event.id),
    sequence: event.sequence,
    stamp: event.updatedAt,
    created: event.createdAt,
    lastModified: event.updatedAt,
    start: event.startsAt,
    end: event.endsAt,
    summary: localized(event.title, locale),
    description,
    location: eventLocation(event, locale, online ?? 'Online'),
    url: eventPageUrl(locale, event.slug),
    status: event.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One event's .ics: METHOD:CANCEL once it is cancelled, so calendars that imported it remove it. */
export function buildEventCalendar(event: IcalEventSource, locale: string, options: { showPrivateLink?: boolean } = {}): string {
  const calendar = ical({
    prodId: PROD_ID,
    name: localized(event.title, locale),
    method: event.status === 'CANCELLED' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  addEvent(calendar, event, locale, options.showPrivateLink ?? false);
  return calendar.toString();
}

/** A subscribable feed: published events, and cancelled ones as STATUS:CANCELLED so subscribers drop them. */
export function buildFeedCalendar(name: string, events: IcalEventSource[], locale: string, feedUrl: string): string {
  const calendar = ical({ prodId: PROD_ID, name, url: feedUrl, ttl: 3600, method: ICalCalendarMethod.PUBLISH });
  for (const event of events) addEvent(calendar, event, locale, false);
  return calendar.toString();
}
