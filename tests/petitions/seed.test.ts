import { sealedSupporter } from '@/tests/support/personal-data';
import { afterAll, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { seedPetitions } from '@/prisma/seed/petitions';

afterAll(() => db.$disconnect());

const DAY_MS = 24 * 3600_000;

async function openPetition() {
  const petition = await db.petition.findUniqueOrThrow({ where: { slug: 'sexual-harassment-liability' } });
  const newest = await db.signature.aggregate({
    where: { petitionId: petition.id, status: 'CONFIRMED' },
    _max: { confirmedAt: true },
    _min: { confirmedAt: true },
    _count: true,
  });
  return { petition, newest: newest._max.confirmedAt!, oldest: newest._min.confirmedAt!, confirmed: newest._count };
}

it('the open demo petition has recent signatures, whatever the date, and a later seed moves them forward', async () => {
  const seededAt = new Date('2030-03-10T08:00:00Z');
  await seedPetitions(seededAt);
  const first = await openPetition();
  expect(first.petition.status).toBe('OPEN');
  expect(first.petition.opensAt!.getTime()).toBeLessThan(first.oldest.getTime());
  expect(seededAt.getTime() - first.newest.getTime()).toBeLessThan(DAY_MS);
  expect(first.newest.getTime()).toBeLessThanOrEqual(seededAt.getTime());
  const historic = await db.petition.findUniqueOrThrow({ where: { slug: 'criminalise-domestic-violence' } });
  expect(historic.opensAt?.toISOString()).toBe('2021-02-23T04:00:00.000Z');

  // Someone really signs, then the demo is started again four months later.
  const real = await db.signature.findFirstOrThrow({ where: { petitionId: first.petition.id, status: 'CONFIRMED' }, select: { id: true } });
  const someone = await db.supporter.create({ data: { ...(await sealedSupporter('someone.real@example.org')), locale: 'kk' } });
  await db.signature.update({ where: { id: real.id }, data: { supporterId: someone.id } });
  const later = new Date(seededAt.getTime() + 120 * DAY_MS);
  await seedPetitions(later);
  const moved = await openPetition();
  expect(moved.confirmed).toBe(first.confirmed);
  expect(later.getTime() - moved.newest.getTime()).toBeLessThan(DAY_MS);
  expect(moved.petition.opensAt!.getTime() - first.petition.opensAt!.getTime()).toBeGreaterThan(119 * DAY_MS);
  const untouched = await db.signature.findUniqueOrThrow({ where: { id: real.id }, select: { confirmedAt: true } });
  expect(untouched.confirmedAt!.getTime()).toBeLessThanOrEqual(seededAt.getTime());

  await seedPetitions(later);
  expect((await openPetition()).newest).toEqual(moved.newest);
});
