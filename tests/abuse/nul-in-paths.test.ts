import { afterAll, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { eventIcsFile } from '@/lib/events/calendar-files';
import { findCampaign, findPublicEvent } from '@/lib/events/queries';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { getReformBySlug, getReformForFeed } from '@/lib/reforms/queries';
import { SupporterFilterSchema } from '@/lib/supporters/schemas';
import { isAppError } from '@/lib/errors';

afterAll(() => db.$disconnect());

// Route params arrive percent-decoded: /ru/events/%00 hands "\u0000" to the lookup, which PostgreSQL
// refused with an error (a 500). Each lookup answers "not found" instead.
const BAD_SLUGS = ['x\u0000', '%00', 'a'.repeat(81), 'UPPER', 'a b', 'x;Domain=evil'];

it('event, campaign and reform lookups treat a slug that cannot exist as not found, without asking the database', async () => {
  for (const slug of BAD_SLUGS) {
    expect(await findPublicEvent(slug)).toBeNull();
    expect(await findCampaign(slug)).toBeNull();
    expect(await eventIcsFile(slug, 'en')).toBeNull();
    expect(await getReformBySlug(slug)).toBeNull();
    expect(await getReformForFeed(slug)).toBeNull();
    await expect(
      rsvpToEvent(slug, { name: 'A', email: 'a@example.org', guests: 0, consent: true, locale: 'en', website: undefined }),
    ).rejects.toSatisfy((error) => isAppError(error, 'NOT_FOUND'));
  }
});

it('the supporter search refuses control characters with a field error', () => {
  const result = SupporterFilterSchema.safeParse({ q: 'ab\u0000c' });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toBe('invalidCharacters');
});
