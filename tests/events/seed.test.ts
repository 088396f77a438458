import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { findCampaign, findCalendar } from '@/lib/events/queries';
import { stopWorkers } from '@/lib/queue';
import { seedEvents } from '@/prisma/seed/events';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const DAY_MS = 24 * 3600_000;

/** Events one could still RSVP to at `now`: published, not over, with a free seat or a waitlist. */
async function openEvents(campaignId: string, now: Date) {
  return db.event.findMany({
    where: { campaignId, status: 'PUBLISHED', endsAt: { gt: now } },
    select: { capacity: true, seatsTaken: true },
  });
}

describe('demo events', () => {
  it('seeds 100+ demo events over all 16 days and every region, with consistent seats, once', async () => {
    const now = new Date();
    await seedEvents(now);
    await seedEvents(now);
    const campaign = (await findCampaign(undefined, now))!;
    expect(campaign.isDemo).toBe(true);
    expect(await db.eventCampaign.count()).toBe(1);
    const events = await db.event.findMany({ where: { campaignId: campaign.id } });
    expect(events.length).toBeGreaterThanOrEqual(100);
    expect(events.every((e) => e.isDemo)).toBe(true);
    expect(new Set(events.map((e) => e.region)).size).toBe(20);
    const { days } = await findCalendar(campaign, {});
    expect(days).toHaveLength(16);
    expect(days.every((day) => day.events.length > 0)).toBe(true);
    const year = campaign.startsOn.getUTCFullYear();
    for (const slug of ['almaty-rally-25-november', 'astana-orange-illumination', 'untold-art-installation']) {
      expect(events.some((e) => e.slug === `${slug}-${year}`)).toBe(true);
    }
    const seats = await db.$queryRaw<Array<{ bad: number }>>`
      SELECT count(*)::int AS bad FROM "Event" e
       WHERE e."seatsTaken" <> coalesce((SELECT sum(1 + guests) FROM "Rsvp" r WHERE r."eventId" = e.id AND r.status = 'CONFIRMED'), 0)
          OR e."seatsTaken" > coalesce(e.capacity, e."seatsTaken")`;
    expect(seats[0]!.bad).toBe(0);
    expect(await db.rsvp.count({ where: { status: 'WAITLISTED' } })).toBeGreaterThan(0);
    expect(await db.rsvp.count({ where: { createdAt: { gt: now } } })).toBe(0);
  });

  it.each([
    ['mid-June', '2031-06-15T06:00:00Z', '2031-11-25'],
    ['the day before', '2031-11-24T06:00:00Z', '2031-11-25'],
    ['during the 16 Days', '2031-12-05T06:00:00Z', '2031-11-25'],
    ['after them', '2031-12-20T06:00:00Z', '2032-11-25'],
    ['29 February', '2032-02-29T06:00:00Z', '2032-11-25'],
  ])(
    'seeded %s, the calendar shows the running or next 16 Days with events still open to RSVP, full ones and waitlists',
    async (_when, iso, startsOn) => {
      const now = new Date(iso);
      await seedEvents(now);
      const campaign = (await findCampaign(undefined, now))!;
      expect(campaign.startsOn.toISOString().slice(0, 10)).toBe(startsOn);
      expect(campaign.endsOn.toISOString().slice(0, 10)).toBe(`${startsOn.slice(0, 4)}-12-10`);
      const upcoming = await openEvents(campaign.id, now);
      expect(upcoming.length).toBeGreaterThanOrEqual(30);
      expect(upcoming.some((e) => e.capacity === null || e.seatsTaken < e.capacity)).toBe(true);
      expect(upcoming.some((e) => e.capacity !== null && e.seatsTaken === e.capacity)).toBe(true);
      const waitlisted = await db.rsvp.count({ where: { status: 'WAITLISTED', event: { campaignId: campaign.id, endsAt: { gt: now } } } });
      expect(waitlisted).toBeGreaterThan(0);
      expect(await db.rsvp.count({ where: { event: { campaignId: campaign.id }, createdAt: { gt: now } } })).toBe(0);
    },
  );

  it('seeded again on a later date, the demo moves on to that date’s campaign and keeps the earlier one as past', async () => {
    const first = new Date('2033-12-01T06:00:00Z');
    await seedEvents(first);
    const running = (await findCampaign(undefined, first))!;
    expect(kazakhstanDateKey(first) <= running.endsOn.toISOString().slice(0, 10)).toBe(true);

    const later = new Date(first.getTime() + 100 * DAY_MS); // March 2034
    await seedEvents(later);
    const next = (await findCampaign(undefined, later))!;
    expect(next.id).not.toBe(running.id);
    expect(next.startsOn.toISOString().slice(0, 10)).toBe('2034-11-25');
    expect((await openEvents(next.id, later)).length).toBeGreaterThanOrEqual(100);
    expect(await db.eventCampaign.count({ where: { id: running.id } })).toBe(1);
  });
});
