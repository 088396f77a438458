import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { eventIcsFile, feedIcsFile } from '@/lib/events/calendar-files';
import { findCalendar } from '@/lib/events/queries';
import { CalendarFilterSchema } from '@/lib/events/schemas';
import { localized } from '@/lib/i18n/localized';
import { createToken } from '@/lib/events/tokens';
import { transitionEvent } from '@/lib/events/transition-event';
import { stopWorkers } from '@/lib/queue';
import { addDays } from '@/lib/time/kazakhstan';
import { EVENT_DAY, attendee, createCampaign, createEvent, createOrganizerUser, rsvpAndConfirm } from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('calendar days are Kazakhstan dates', () => {
  it('lists an event at 01:00 Almaty time on the next Kazakhstan date, not on the UTC date it still is', async () => {
    const campaign = await createCampaign();
    // 20:00 UTC is 01:00 the next day in Kazakhstan (UTC+5).
    const night = await createEvent(campaign.id, {
      startsAt: new Date(`${EVENT_DAY}T20:00:00Z`),
      endsAt: new Date(`${EVENT_DAY}T22:00:00Z`),
    });
    const online = await createEvent(campaign.id, { isOnline: true, venue: null, type: 'ONLINE', region: 'ASTANA', languages: ['en'] });
    const { days } = await findCalendar(campaign, {});
    expect(days).toHaveLength(16);
    expect(days.find((d) => d.date === addDays(EVENT_DAY, 1))!.events.map((e) => e.id)).toEqual([night.id]);
    expect(days.find((d) => d.date === EVENT_DAY)!.events.map((e) => e.id)).toEqual([online.id]);

    const filtered = await findCalendar(campaign, { mode: 'online', lang: 'en', region: 'ASTANA' });
    expect(filtered.days.flatMap((d) => d.events).map((e) => e.id)).toEqual([online.id]);
    expect((await findCalendar(campaign, { type: 'LECTURE' })).days.flatMap((d) => d.events)).toHaveLength(0);
    expect((await findCalendar(campaign, { city: 'almaty' })).days.flatMap((d) => d.events).map((e) => e.id)).toEqual([
      online.id,
      night.id,
    ]);
  });
});

describe('cities in the reader’s language', () => {
  it('lists each city once under its key, filters by the key or by the English name of old links, and writes the place in the reader’s language', async () => {
    const campaign = await createCampaign();
    // First in, and named in English only: the list still names the city as the event with every form does.
    const englishOnly = await createEvent(campaign.id, { region: 'EAST_KAZAKHSTAN', city: { en: 'Oskemen' } });
    const oskemen = await createEvent(campaign.id, {
      region: 'EAST_KAZAKHSTAN',
      city: { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' },
    });
    const again = await createEvent(campaign.id, {
      region: 'EAST_KAZAKHSTAN',
      city: { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' },
    });
    const partner = await createEvent(campaign.id, { region: 'KARAGANDA', city: { ru: 'Караганда' } });
    const { cities } = await findCalendar(campaign, {});
    expect(cities.map((city) => [city.key, localized(city.name, 'ru'), localized(city.name, 'kk')])).toEqual([
      ['oskemen', 'Усть-Каменогорск', 'Өскемен'],
      ['караганда', 'Караганда', 'Караганда'],
    ]);
    const ids = async (query: Record<string, string>) =>
      (await findCalendar(campaign, CalendarFilterSchema.parse(query))).days.flatMap((d) => d.events).map((e) => e.id);
    expect(await ids({ city: 'oskemen' })).toEqual([englishOnly.id, oskemen.id, again.id]);
    expect(await ids({ city: 'Oskemen' })).toEqual([englishOnly.id, oskemen.id, again.id]);
    expect(await ids({ city: 'Караганда' })).toEqual([partner.id]);

    const { events } = parse((await eventIcsFile(oskemen.slug, 'ru'))!.body);
    expect(new ICAL.Event(events[0]!).location).toBe('Republic Square (ru), Satpayev St 1 (ru), Усть-Каменогорск');
  });
});

describe('iCalendar', () => {
  it('an event .ics parses back with every field: UID, DTSTAMP, SEQUENCE, times, escaped text, URL', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, {
      title: { kk: 'Жарық; үнсіздік', ru: 'Свет, тишина', en: 'Light, silence; and\\ "voices"' },
      description: { kk: 'kk', ru: 'ru', en: 'Line one\nLine two, with comma; semicolon' },
      sequence: 4,
    });
    const file = await eventIcsFile(event.slug, 'en');
    const { calendar, events } = parse(file!.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    const vevent = events[0]!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.uid).toBe(`event-${event.id}@dauys.localhost`);
    expect(parsed.summary).toBe('Light, silence; and\\ "voices"');
    expect(parsed.description).toContain('Line one\nLine two, with comma; semicolon');
    expect(parsed.description).toContain('Test organisers');
    expect(parsed.location).toBe('Republic Square, Satpayev St 1, Almaty');
    expect(parsed.sequence).toBe(4);
    expect(parsed.startDate.toJSDate().toISOString()).toBe(`${EVENT_DAY}T13:00:00.000Z`);
    expect(parsed.endDate.toJSDate().toISOString()).toBe(`${EVENT_DAY}T15:00:00.000Z`);
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).toBe(
      Math.floor(event.updatedAt.getTime() / 1000) * 1000,
    );
    expect(vevent.getFirstPropertyValue('url')).toBe(`http://localhost:3000/en/events/${event.slug}`);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(file!.body).toContain('SUMMARY:Light\\, silence\\; and\\\\ "voices"');
  });

  it('a cancelled event: METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE', async () => {
    const organizer = await createOrganizerUser();
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id);
    const before = new ICAL.Event(parse((await eventIcsFile(event.slug, 'ru'))!.body).events[0]!);
    await transitionEvent(organizer.id, event.id, { action: 'cancel' });
    const { calendar, events } = parse((await eventIcsFile(event.slug, 'ru'))!.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const after = new ICAL.Event(events[0]!);
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.summary).toBe('Test rally (ru)');
  });

  it('shows a private online link only to a confirmed attendee’s .ics', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, {
      isOnline: true,
      venue: null,
      onlineUrl: 'https://meet.example/secret',
      isOnlineLinkPrivate: true,
      capacity: 1,
    });
    const seated = await rsvpAndConfirm(event.slug, attendee('seated@example.org'));
    const waiting = await rsvpAndConfirm(event.slug, attendee('waiting@example.org'));
    expect((await eventIcsFile(event.slug, 'en'))!.body).not.toContain('meet.example');
    expect((await eventIcsFile(event.slug, 'en', createToken('rsvp', waiting.rsvpId)))!.body).not.toContain('meet.example');
    expect((await eventIcsFile(event.slug, 'en', createToken('rsvp', seated.rsvpId)))!.body).toContain('https://meet.example/secret');
  });

  it('the campaign feed holds every public event; the region feed only that region’s; drafts never', async () => {
    const campaign = await createCampaign();
    const almaty = await createEvent(campaign.id, { region: 'ALMATY' });
    const astana = await createEvent(campaign.id, { region: 'ASTANA', city: 'Astana', type: 'ILLUMINATION' });
    const cancelled = await createEvent(campaign.id, { region: 'ASTANA', city: 'Astana', status: 'CANCELLED' });
    await createEvent(campaign.id, { region: 'ASTANA', status: 'DRAFT' });
    const uids = (body: string) =>
      parse(body)
        .events.map((e) => new ICAL.Event(e).uid)
        .sort();

    const all = await feedIcsFile({ locale: 'kk', campaign: campaign.slug });
    expect(uids(all!.body)).toEqual([almaty, astana, cancelled].map((e) => `event-${e.id}@dauys.localhost`).sort());
    const { calendar, events } = parse(all!.body);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('16 Days of Activism test (kk)');
    expect(events.find((e) => new ICAL.Event(e).uid.includes(cancelled.id))!.getFirstPropertyValue('status')).toBe('CANCELLED');

    const region = await feedIcsFile({ locale: 'en', region: 'ASTANA', campaign: campaign.slug });
    expect(uids(region!.body)).toEqual([astana, cancelled].map((e) => `event-${e.id}@dauys.localhost`).sort());
    expect(parse(region!.body).calendar.getFirstPropertyValue('x-wr-calname')).toContain('Astana');
    expect(await db.event.count({ where: { campaignId: campaign.id } })).toBe(4);
  });
});
