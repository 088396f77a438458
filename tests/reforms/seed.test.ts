import { afterAll, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { seedPetitions } from '@/prisma/seed/petitions';
import { seedReforms } from '@/prisma/seed/reforms';

afterAll(() => db.$disconnect());

it('seeds the real history once, linked to the demo petition, without mailing anyone', async () => {
  await seedPetitions();
  await seedReforms();
  await seedReforms();
  expect(await db.reform.count({ where: { isDemo: true } })).toBe(6);
  const law2024 = await db.reform.findUniqueOrThrow({
    where: { slug: 'women-and-children-protection-2024' },
    include: { stages: { orderBy: { occurredOn: 'asc' } }, petition: true },
  });
  expect(law2024.currentStage).toBe('IN_FORCE');
  expect(law2024.petition?.slug).toBe('criminalise-domestic-violence');
  expect(law2024.stages.map((s) => [s.stage, s.occurredOn.toISOString().slice(0, 10)])).toEqual([
    ['SIGNED', '2024-04-15'],
    ['IN_FORCE', '2024-06-16'],
  ]);
  const stalking = await db.reform.findUniqueOrThrow({
    where: { slug: 'criminalise-stalking' },
    include: { stages: { orderBy: { occurredOn: 'asc' } } },
  });
  expect(stalking.currentStage).toBe('SIGNED');
  expect(stalking.stages.map((s) => s.stage)).toEqual(['PROPOSED', 'PASSED_MAZHILIS', 'SENATE', 'SIGNED']);
  expect(stalking.stages.every((s) => s.sourceUrl === null)).toBe(true);
  expect(await db.reform.count({ where: { currentStage: 'PROPOSED' } })).toBe(4);
  expect(await db.reformSubscription.count({ where: { status: 'CONFIRMED' } })).toBe(4);
  expect(await db.reformStage.count({ where: { fanOutFinishedAt: null } })).toBe(0);
  expect(await db.reformAlert.count()).toBe(0);
});
