import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { findCalendar } from '@/lib/events/queries';
import { stopWorkers } from '@/lib/queue';
import { seedEvents } from '@/prisma/seed/events';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

describe('demo events', () => {
  it('seeds 100+ demo events over all 16 days and every region, with consistent seats, once', async () => {
    await seedEvents();
    await seedEvents();
    const campaign = await db.eventCampaign.findUniqueOrThrow({ where: { slug: '16-days-2026' } });
    expect(campaign.isDemo).toBe(true);
    const events = await db.event.findMany({ where: { campaignId: campaign.id } });
    expect(events.length).toBeGreaterThanOrEqual(100);
    expect(events.every((e) => e.isDemo)).toBe(true);
    expect(new Set(events.map((e) => e.region)).size).toBe(20);
    const { days } = await findCalendar(campaign, {});
    expect(days.every((day) => day.events.length > 0)).toBe(true);
    for (const slug of ['almaty-rally-25-november', 'astana-orange-illumination', 'untold-art-installation']) {
      expect(events.some((e) => e.slug === slug)).toBe(true);
    }
    const seats = await db.$queryRaw<Array<{ bad: number }>>`
      SELECT count(*)::int AS bad FROM "Event" e
       WHERE e."seatsTaken" <> coalesce((SELECT sum(1 + guests) FROM "Rsvp" r WHERE r."eventId" = e.id AND r.status = 'CONFIRMED'), 0)
          OR e."seatsTaken" > coalesce(e.capacity, e."seatsTaken")`;
    expect(seats[0]!.bad).toBe(0);
    expect(await db.rsvp.count({ where: { status: 'WAITLISTED' } })).toBeGreaterThan(0);
  });
});
