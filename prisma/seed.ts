/**
 * Deterministic, idempotent demo content (every run on the same date converges on the same rows).
 * Demo rows are marked as demo where people can see them. Everything "recent" or "upcoming" is
 * relative to `now`, so the demo never expires: the 16 Days campaign is the running or the next one,
 * the open petition's signatures end at `now`. Historical facts keep their real dates.
 */
import { db } from '@/lib/db';
import { DEFAULT_HOTLINES } from '@/lib/help/default-hotlines';
import { seedPetitions } from './seed/petitions';
import { seedEvents } from './seed/events';
import { seedReforms } from './seed/reforms';

async function seedHotlines() {
  if ((await db.hotline.count()) > 0) return; // organizers may have edited the list
  await db.hotline.createMany({
    data: DEFAULT_HOTLINES.map((hotline, position) => ({ ...hotline, position })),
  });
}

export async function seedDemoContent({ now = new Date() }: { now?: Date } = {}) {
  await seedHotlines();
  await seedPetitions(now);
  await seedEvents(now);
  await seedReforms();
}

if (process.argv[1] && /prisma[\\/]seed\.ts$/.test(process.argv[1])) {
  seedDemoContent()
    .then(() => db.$disconnect())
    .then(() => console.log('Demo content is in place.'))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
