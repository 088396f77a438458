import { randomInt } from 'node:crypto';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { COUNT_CACHE_MS, COUNT_SHARDS } from '@/lib/petitions/constants';
import { createTtlCache } from '@/lib/petitions/ttl-cache';

/*
 * The confirmed count lives in COUNT_SHARDS rows per petition. A confirmation adds 1 to a random
 * one in its own transaction, so concurrent confirmations rarely wait on the same row lock (one
 * hot row caps a 2-core machine at ~300 commits/s, shared/STACK.md). Reading sums 64 rows.
 */

export async function addToCount(tx: Prisma.TransactionClient, petitionId: string, delta: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "PetitionCountShard" ("petitionId", shard, confirmed)
    VALUES (${petitionId}, ${randomInt(COUNT_SHARDS)}, ${delta})
    ON CONFLICT ("petitionId", shard) DO UPDATE SET confirmed = "PetitionCountShard".confirmed + EXCLUDED.confirmed`;
}

export async function readCount(petitionId: string): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ total: number }>>`
    SELECT COALESCE(SUM(confirmed), 0)::int AS total FROM "PetitionCountShard" WHERE "petitionId" = ${petitionId}`;
  return row?.total ?? 0;
}

const cache = createTtlCache<number>(COUNT_CACHE_MS, { maxEntries: 1_024 });

/** The public count, at most COUNT_CACHE_MS old; one query per petition per interval per process. */
export function getPublicCount(petitionId: string): Promise<number> {
  return cache.get(petitionId, () => readCount(petitionId));
}

export function forgetPublicCount(petitionId?: string): void {
  cache.invalidate(petitionId);
  offlineCache.invalidate(petitionId);
}

const offlineCache = createTtlCache<number>(COUNT_CACHE_MS, { maxEntries: 1_024 });

/** How many of the confirmed signatures were gathered offline (imported), for "including N gathered offline". */
export function getOfflineCount(petitionId: string): Promise<number> {
  return offlineCache.get(petitionId, () => db.signature.count({ where: { petitionId, channel: 'OFFLINE', status: 'CONFIRMED' } }));
}
