import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { notifyAttendees } from '@/lib/events/notify-attendees';
import { saveEvent } from '@/lib/events/save-event';
import { EventFormSchema } from '@/lib/events/schemas';
import { sendReminders } from '@/lib/events/send-reminders';
import { sendRsvpMails } from '@/lib/events/send-rsvp-mails';
import { sixteenDaysOf } from '@/lib/events/sixteen-days';
import { transitionEvent } from '@/lib/events/transition-event';
import { stopWorkers } from '@/lib/queue';
import { EVENT_DAY, attendee, createCampaign, createEvent, createOrganizerUser, outbox, rsvpAndConfirm } from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

// The reminder test's own clock, passed to every call that asks the time; its events lie after it.
const NOW = new Date('2026-11-24T06:00:00Z'); // 11:00 on 24 November in Kazakhstan

describe('reminders the day before', () => {
  it('reminds each confirmed attendee of tomorrow’s events exactly once, however often and concurrently it runs', async () => {
    const { startsOn, endsOn } = sixteenDaysOf(2026);
    const campaign = await createCampaign(startsOn, endsOn);
    // 25 Nov 00:30 Almaty is still 24 Nov in UTC: tomorrow in Kazakhstan, reminded.
    const tomorrow = await createEvent(campaign.id, {
      capacity: 3,
      startsAt: new Date('2026-11-24T19:30:00Z'),
      endsAt: new Date('2026-11-24T21:00:00Z'),
    });
    // 26 Nov 01:00 Almaty (25 Nov UTC): the day after tomorrow, not yet.
    const later = await createEvent(campaign.id, { startsAt: new Date('2026-11-25T20:00:00Z'), endsAt: new Date('2026-11-25T22:00:00Z') });
    for (const name of ['a', 'b', 'c', 'd'])
      await rsvpAndConfirm(tomorrow.slug, attendee(`${name}@remind.example`, { locale: name === 'b' ? 'kk' : 'en' }), NOW);
    await rsvpAndConfirm(later.slug, attendee('later@remind.example'), NOW);

    const runs = await Promise.all([sendReminders(NOW), sendReminders(NOW), sendReminders(NOW)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await sendReminders(new Date(NOW.getTime() + 3600_000))).toBe(0);

    const reminders = (await outbox({ template: 'event-rsvp' })).filter((mail) => mail.props.kind === 'reminder');
    expect(reminders.map((mail) => mail.toAddress).sort()).toEqual(['a@remind.example', 'b@remind.example', 'c@remind.example']);
    const kazakh = await outbox({ to: 'b@remind.example', subject: 'Ертеңгі күнге еске салу' }); // discreet mail, the default
    expect(kazakh[0]).toMatchObject({ locale: 'kk' });
    expect(await db.rsvp.count({ where: { eventId: tomorrow.id, reminderSentAt: { not: null } } })).toBe(3);
  });
});

describe('change and cancellation notices', () => {
  it('a new time tells confirmed and waitlisted attendees once, raises SEQUENCE, and a cancellation tells them again', async () => {
    const organizer = await createOrganizerUser();
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 1 });
    await rsvpAndConfirm(event.slug, attendee('seat@notice.example'));
    await rsvpAndConfirm(event.slug, attendee('wait@notice.example'));
    await sendRsvpMails();

    const form = (changes: Record<string, unknown>) =>
      EventFormSchema.parse({
        slug: event.slug,
        campaignId: campaign.id,
        title: event.title,
        description: { kk: 'Сипаттама', ru: 'Описание', en: 'New description' },
        type: 'RALLY',
        startsAt: `${EVENT_DAY}T18:00`,
        endsAt: `${EVENT_DAY}T20:00`,
        region: 'ALMATY',
        // As the fixture stored them (tests/events/fixtures.ts), so only what a test changes is a change.
        city: { kk: 'Almaty', ru: 'Almaty', en: 'Almaty' },
        venue: { kk: 'Republic Square (kk)', ru: 'Republic Square (ru)', en: 'Republic Square' },
        address: { kk: 'Satpayev St 1 (kk)', ru: 'Satpayev St 1 (ru)', en: 'Satpayev St 1' },
        languages: ['kk', 'ru'],
        capacity: '1',
        maxGuestsPerRsvp: '2',
        organiserName: { kk: 'Test organisers (kk)', ru: 'Test organisers (ru)', en: 'Test organisers' },
        ...changes,
      });

    await saveEvent(organizer.id, event.id, form({})); // text only: no notice
    expect(await notifyAttendees()).toBe(0);
    await saveEvent(organizer.id, event.id, form({ startsAt: `${EVENT_DAY}T19:00`, endsAt: `${EVENT_DAY}T21:00` }));
    expect(await notifyAttendees()).toBe(2);
    expect(await notifyAttendees()).toBe(0);
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(saved.sequence).toBe(2);
    expect(saved.startsAt.toISOString()).toBe(`${EVENT_DAY}T14:00:00.000Z`);

    await transitionEvent(organizer.id, event.id, { action: 'cancel', note: 'Weather warning' });
    expect(await notifyAttendees()).toBe(2);
    const notices = (await outbox({ template: 'event-rsvp', to: (address) => address.endsWith('@notice.example') })).filter(
      (m) => m.props.kind !== 'confirmed' && m.props.kind !== 'waitlisted',
    );
    expect(notices.map((m) => [m.toAddress, m.props.kind]).sort()).toEqual([
      ['seat@notice.example', 'cancelled'],
      ['seat@notice.example', 'changed'],
      ['wait@notice.example', 'cancelled'],
      ['wait@notice.example', 'changed'],
    ]);
    expect(notices.find((m) => m.props.kind === 'cancelled')!.props.note).toBe('Weather warning');
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).sequence).toBe(3);
    const audit = await db.auditLog.findMany({ where: { subjectId: event.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['event.update', 'event.update', 'event.cancel']);
  });
});
