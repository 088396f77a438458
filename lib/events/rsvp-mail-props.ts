import type { EventRsvpEmailProps, EventRsvpMailKind } from '@/emails/events-rsvp';
import { getTranslator, formatDateTime, formatTime } from '@/lib/i18n/translator';
import { eventLocation } from '@/lib/events/ical';
import { eventIcsUrl, eventPageUrl, googleCalendarUrl, outlookCalendarUrl, rsvpLinks } from '@/lib/events/links';
import { localized } from '@/lib/i18n/localized';
import { createToken } from '@/lib/events/tokens';
import type { Locale } from '@/lib/generated/prisma/enums';
import type { SendMailInput } from '@/lib/mailer';

export type MailEvent = {
  slug: string;
  title: unknown;
  description: unknown;
  startsAt: Date;
  endsAt: Date;
  /** Places per language, {kk, ru, en} (Json columns). */
  city: unknown;
  venue: unknown;
  address: unknown;
  isOnline: boolean;
  onlineUrl: string | null;
  isOnlineLinkPrivate: boolean;
};
export type MailRsvp = { id: string; name: string; guests: number; locale: string };
/** An RSVP with whom to mail about it. */
export type RsvpAddressee = MailRsvp & { email: string; supporterId: string; locale: Locale };

/** "25 November 2026 at 18:00 – 20:00 (Kazakhstan time)" in the reader's language. */
export function formatEventWhen(event: Pick<MailEvent, 'startsAt' | 'endsAt'>, locale: string): string {
  const t = getTranslator(locale, 'events');
  return t('time.range', { start: formatDateTime(event.startsAt, locale), end: formatTime(event.endsAt, locale) });
}

/** Props of an RSVP mail, in the attendee's language; the online link only to those with a seat. */
export function rsvpMailProps(
  kind: EventRsvpMailKind,
  rsvp: MailRsvp,
  event: MailEvent,
  extra: { waitlistPosition?: number; note?: string; confirmUrl?: string } = {},
): EventRsvpEmailProps {
  const locale = rsvp.locale;
  const title = localized(event.title, locale);
  const where = eventLocation(event, locale, getTranslator(locale, 'events')('online'));
  const links = rsvpLinks(locale, rsvp.id);
  const entry = { title, details: eventPageUrl(locale, event.slug), location: where, startsAt: event.startsAt, endsAt: event.endsAt };
  return {
    kind,
    name: rsvp.name,
    eventTitle: title,
    when: formatEventWhen(event, locale),
    where,
    guests: rsvp.guests,
    eventUrl: eventPageUrl(locale, event.slug),
    icsUrl: eventIcsUrl(event.slug, locale, createToken('rsvp', rsvp.id)),
    googleUrl: googleCalendarUrl(entry),
    outlookUrl: outlookCalendarUrl(entry),
    cancelUrl: links.cancelUrl,
    ...(kind === 'check-email' ? { confirmUrl: links.confirmUrl } : {}),
    ...(extra.confirmUrl ? { confirmUrl: extra.confirmUrl } : {}),
    ...(event.isOnline && event.onlineUrl ? { onlineUrl: event.onlineUrl } : {}),
    ...(extra.waitlistPosition !== undefined ? { waitlistPosition: extra.waitlistPosition } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}

/** An RSVP mail to the attendee, ready for sendMail (a caller adds attachments). */
export function rsvpMail(
  kind: EventRsvpMailKind,
  rsvp: RsvpAddressee,
  event: MailEvent,
  extra?: Parameters<typeof rsvpMailProps>[3],
): SendMailInput<'event-rsvp'> {
  return {
    to: rsvp.email,
    supporterId: rsvp.supporterId,
    locale: rsvp.locale,
    template: 'event-rsvp',
    props: rsvpMailProps(kind, rsvp, event, extra),
  };
}
