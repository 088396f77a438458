import { env } from '@/lib/env';
import { createToken } from '@/lib/events/tokens';
import { KAZAKHSTAN_TIME_ZONE } from '@/lib/time/kazakhstan';

const base = () => env.APP_URL.replace(/\/$/, '');

export function eventPageUrl(locale: string, slug: string): string {
  return `${base()}/${locale}/events/${encodeURIComponent(slug)}`;
}

/** The event's .ics; with an attendee's token it also carries a private online link. */
export function eventIcsUrl(slug: string, locale: string, rsvpToken?: string): string {
  const query = new URLSearchParams({ lang: locale, ...(rsvpToken ? { token: rsvpToken } : {}) });
  return `${base()}/api/events/${encodeURIComponent(slug)}/ics?${query}`;
}

export function feedUrl(options: { region?: string; lang?: string } = {}): string {
  const query = new URLSearchParams(Object.entries(options).filter((entry): entry is [string, string] => !!entry[1]));
  const text = query.toString();
  return `${base()}/api/events/feed.ics${text ? `?${text}` : ''}`;
}

/** Calendar apps subscribe to webcal:// addresses and refresh them on their own. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, 'webcal://');
}

export function rsvpLinks(locale: string, rsvpId: string) {
  const token = encodeURIComponent(createToken('rsvp', rsvpId));
  return {
    confirmUrl: `${base()}/${locale}/events/rsvp/confirm?token=${token}`,
    cancelUrl: `${base()}/${locale}/events/rsvp/cancel?token=${token}`,
  };
}

/** The page whose button applies a new answer to an existing RSVP (lib/events/apply-rsvp-change.ts). */
export function rsvpChangeUrl(locale: string, changeToken: string): string {
  return `${base()}/${locale}/events/rsvp/change?token=${encodeURIComponent(changeToken)}`;
}

export function submissionVerifyUrl(locale: string, eventId: string): string {
  return `${base()}/${locale}/events/submit/verify?token=${encodeURIComponent(createToken('submission', eventId))}`;
}

type CalendarEntry = { title: string; details: string; location: string; startsAt: Date; endsAt: Date };

const compactUtc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function googleCalendarUrl(entry: CalendarEntry): string {
  const query = new URLSearchParams({
    action: 'TEMPLATE',
    text: entry.title,
    dates: `${compactUtc(entry.startsAt)}/${compactUtc(entry.endsAt)}`,
    details: entry.details,
    location: entry.location,
    ctz: KAZAKHSTAN_TIME_ZONE,
  });
  return `https://calendar.google.com/calendar/render?${query}`;
}

export function outlookCalendarUrl(entry: CalendarEntry): string {
  const query = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: entry.title,
    startdt: entry.startsAt.toISOString(),
    enddt: entry.endsAt.toISOString(),
    body: entry.details,
    location: entry.location,
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${query}`;
}
