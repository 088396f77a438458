import { addDays, kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { currentOrNextSixteenDays } from '@/lib/events/sixteen-days';

/** The demo campaign the seed made for today: the running 16 Days, or else the next ones. */
export function demoCampaign(now = new Date()) {
  const days = currentOrNextSixteenDays(now);
  return { ...days, slug: `16-days-${days.year}` };
}

/**
 * A Kazakhstan date and times (datetime-local values) inside the demo campaign and still ahead:
 * tomorrow or the campaign's first day, whichever is later; on its last day, late that evening.
 */
export function upcomingSlotInDemoCampaign(now = new Date()) {
  const { startsOn, endsOn } = demoCampaign(now);
  const today = kazakhstanDateKey(now);
  const tomorrow = addDays(today, 1);
  const date = tomorrow < startsOn ? startsOn : tomorrow <= endsOn ? tomorrow : endsOn;
  const [start, end] = date === today ? ['23:00', '23:30'] : ['12:00', '14:00'];
  return { date, start: `${date}T${start}`, end: `${date}T${end}` };
}
