import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { findPublicPetition } from '@/lib/petitions/queries';
import { createTtlCache } from '@/lib/petitions/ttl-cache';
import { createOpenPetition } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('the per-process petition caches', () => {
  it('forget the least recently used keys once full, null results included', async () => {
    const cache = createTtlCache<number | null>(60_000, { maxEntries: 100 });
    let loads = 0;
    const load = (value: number | null) => async () => {
      loads += 1;
      return value;
    };

    await cache.get('kept', load(1));
    for (let i = 0; i < 1_000; i += 1) {
      await cache.get(`missing-${i}`, load(null));
      // A key in use stays; the flood of one-off keys pushes out only each other.
      if (i % 50 === 0) await cache.get('kept', load(1));
    }
    expect(loads).toBe(1_001);

    await cache.get('kept', load(1));
    expect(loads).toBe(1_001);
    await cache.get('missing-0', load(null));
    expect(loads).toBe(1_002);
  });

  it('requests for random slugs do not grow the petition cache without bound', async () => {
    // The clock stands still, so only the bound (never the few seconds' lifetime) can drop an entry.
    vi.useFakeTimers({ toFake: ['Date'] });
    const petition = await createOpenPetition();
    expect((await findPublicPetition(petition.slug))?.id).toBe(petition.id);
    // Delete the row behind the cache's back: a cached entry still answers, an evicted one reads again.
    await db.petition.delete({ where: { id: petition.id } });
    expect((await findPublicPetition(petition.slug))?.id).toBe(petition.id);

    for (let i = 0; i < 1_000; i += 1) {
      expect(await findPublicPetition(`no-such-petition-${randomBytes(6).toString('hex')}`)).toBeNull();
    }
    expect(await findPublicPetition(petition.slug)).toBeNull();
  });
});
