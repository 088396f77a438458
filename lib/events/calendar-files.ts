import { db } from '@/lib/db';
import type { Region } from '@/lib/generated/prisma/enums';
import { buildEventCalendar, buildFeedCalendar } from '@/lib/events/ical';
import { feedUrl } from '@/lib/events/links';
import { localized } from '@/lib/i18n/localized';
import { findCampaign, findFeedEvents } from '@/lib/events/queries';
import { verifyToken } from '@/lib/events/tokens';
import { getTranslator } from '@/lib/i18n/translator';
import { isSlug } from '@/lib/validation';

/**
 * One event's .ics, or null if it is not public. With the token of a CONFIRMED RSVP of this event
 * the private online link is included (the link in the attendee's mail carries it).
 */
export async function eventIcsFile(
  slug: string,
  locale: string,
  token?: string | null,
): Promise<{ filename: string; body: string } | null> {
  if (!isSlug(slug)) return null;
  const event = await db.event.findFirst({ where: { slug, status: { in: ['PUBLISHED', 'CANCELLED'] } } });
  if (!event) return null;
  const rsvpId = verifyToken('rsvp', token);
  const showPrivateLink = rsvpId ? (await db.rsvp.count({ where: { id: rsvpId, eventId: event.id, status: 'CONFIRMED' } })) === 1 : false;
  return { filename: `${event.slug}.ics`, body: buildEventCalendar(event, locale, { showPrivateLink }) };
}

/** The campaign feed (all regions, or one), for calendar subscriptions. */
export async function feedIcsFile(options: {
  locale: string;
  region?: Region;
  campaign?: string;
}): Promise<{ filename: string; body: string } | null> {
  const campaign = await findCampaign(options.campaign);
  if (!campaign) return null;
  const events = await findFeedEvents({ campaignId: campaign.id, region: options.region });
  const regionName = getTranslator(options.locale, 'common');
  const campaignName = localized(campaign.name, options.locale);
  const name = options.region ? `${campaignName} — ${regionName(`regions.${options.region}`)}` : campaignName;
  const url = feedUrl({ region: options.region, lang: options.locale });
  const filename = `${campaign.slug}${options.region ? `-${options.region.toLowerCase()}` : ''}.ics`;
  return { filename, body: buildFeedCalendar(name, events, options.locale, url) };
}
