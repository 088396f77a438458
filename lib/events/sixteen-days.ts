import { kazakhstanDateKey } from '@/lib/time/kazakhstan';

export type SixteenDays = { year: number; startsOn: string; endsOn: string };

/** The 16 Days of Activism of a year: 25 November to 10 December, Kazakhstan dates. */
export function sixteenDaysOf(year: number): SixteenDays {
  return { year, startsOn: `${year}-11-25`, endsOn: `${year}-12-10` };
}

/** The slug the demo seed gives the year's campaign. */
export function sixteenDaysSlug(year: number): string {
  return `16-days-${year}`;
}

/** The campaign's name in each language, as the demo seed gives it. */
export function sixteenDaysName(year: number): { kk: string; ru: string; en: string } {
  return { kk: `Белсенділіктің 16 күні ${year}`, ru: `16 дней активизма ${year}`, en: `16 Days of Activism ${year}` };
}

/** The 16 Days running on `now`'s Kazakhstan date, or else the next ones. */
export function currentOrNextSixteenDays(now: Date): SixteenDays {
  const today = kazakhstanDateKey(now);
  const year = Number(today.slice(0, 4));
  return today <= sixteenDaysOf(year).endsOn ? sixteenDaysOf(year) : sixteenDaysOf(year + 1);
}
