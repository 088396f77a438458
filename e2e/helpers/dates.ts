import { addDays, kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { currentOrNextSixteenDays, sixteenDaysName, sixteenDaysOf, sixteenDaysSlug, type SixteenDays } from '@/lib/events/sixteen-days';
import { withDatabase } from './mail';

type Campaign = SixteenDays & { slug: string };

const withSlug = (days: SixteenDays): Campaign => ({ ...days, slug: sixteenDaysSlug(days.year) });

/** The demo campaign the seed made for today: the running 16 Days, or else the next ones. */
function demoCampaign(now = new Date()): Campaign {
  return withSlug(currentOrNextSixteenDays(now));
}

/**
 * A campaign and a Kazakhstan date in it that is still wholly ahead, with times (datetime-local
 * values): tomorrow, or the campaign's first day if that is later, 12:00–14:00. From the demo
 * campaign's last day on none of it is left, so the slot is in the next year's 16 Days, which the seed
 * did not make: specs that use the slot call `addSlotCampaign` first.
 */
export function upcomingSlot(now = new Date()) {
  const tomorrow = addDays(kazakhstanDateKey(now), 1);
  const demo = demoCampaign(now);
  const campaign = tomorrow <= demo.endsOn ? demo : withSlug(sixteenDaysOf(demo.year + 1));
  const date = tomorrow < campaign.startsOn ? campaign.startsOn : tomorrow;
  return { campaign, date, start: `${date}T12:00`, end: `${date}T14:00` };
}

/** Adds the slot's campaign unless it exists (the seeded demo campaign always does). */
export async function addSlotCampaign(slot: ReturnType<typeof upcomingSlot>): Promise<void> {
  const { slug, year, startsOn, endsOn } = slot.campaign;
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "EventCampaign" (id, slug, name, "startsOn", "endsOn", "updatedAt") VALUES ($1, $1, $2::jsonb, $3, $4, now())
       ON CONFLICT (slug) DO NOTHING`,
      [slug, JSON.stringify(sixteenDaysName(year)), startsOn, endsOn],
    ),
  );
}
