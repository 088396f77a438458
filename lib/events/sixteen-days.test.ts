import { describe, expect, it } from 'vitest';
import { currentOrNextSixteenDays } from '@/lib/events/sixteen-days';

describe('the 16 Days of Activism for a date', () => {
  it.each([
    ['2027-06-15T12:00:00Z', '2027-11-25'],
    ['2027-11-24T18:59:00Z', '2027-11-25'], // 23:59 on the 24th in Kazakhstan: the next ones
    ['2027-12-05T12:00:00Z', '2027-11-25'], // running
    ['2027-12-10T18:59:00Z', '2027-11-25'], // 23:59 on the 10th: still running
    ['2027-12-10T19:00:00Z', '2028-11-25'], // 00:00 on the 11th in Kazakhstan: over, next year's
    ['2028-02-29T12:00:00Z', '2028-11-25'],
  ])('%s → the campaign starting %s', (now, startsOn) => {
    const campaign = currentOrNextSixteenDays(new Date(now));
    expect(campaign.startsOn).toBe(startsOn);
    expect(campaign.endsOn).toBe(`${startsOn.slice(0, 4)}-12-10`);
  });
});
