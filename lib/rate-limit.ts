import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { hashAddress } from '@/lib/security/client-address';
import { AppError } from '@/lib/errors';

export type RateLimitResult = {
  allowed: boolean;
  remaining: number;
  resetAt: Date;
};

function windowStartOf(now: Date, windowSeconds: number): Date {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * Counts one hit against `key` in the current fixed window and says whether it is within `limit`.
 * One atomic upsert, so concurrent hits on several server processes never lose a count.
 * Keys carry their purpose, e.g. `signin:email:someone@example.org`.
 */
export async function hit(key: string, limit: number, windowSeconds: number, now: Date = new Date()): Promise<RateLimitResult> {
  const windowStart = windowStartOf(now, windowSeconds);
  const rows = await db.$queryRaw<Array<{ hits: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "hits")
    VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitCounter"."hits" + 1
    RETURNING "hits"`;
  const hits = Number(rows[0]?.hits ?? limit + 1);
  return {
    allowed: hits <= limit,
    remaining: Math.max(0, limit - hits),
    resetAt: new Date(windowStart.getTime() + windowSeconds * 1000),
  };
}

/**
 * Who asks for a public write, for its guards: the client's network (lib/client-ip.ts) and the
 * clock. Trusted callers (seed, tests) pass no address and meet no per-network limit.
 */
export type Requester = { clientAddress?: string; now?: Date };

/** A public write's guard on the client's network: past `limit` in the window it throws RATE_LIMITED. */
export async function guardClientNetwork(purpose: string, requester: Requester, limit: number, windowSeconds: number): Promise<void> {
  if (!requester.clientAddress) return;
  const { allowed } = await hit(`${purpose}:ip:${hashAddress(requester.clientAddress)}`, limit, windowSeconds, requester.now);
  if (!allowed) throw new AppError('RATE_LIMITED');
}

/**
 * hit() for a batch, in one statement: answer i says whether keys[i] is within `limit`. A key that
 * appears several times counts once per appearance, in order. Keys are written in sorted order, so
 * concurrent batches sharing keys lock their counters in the same order and cannot deadlock.
 * Given `tx`, the hits count in that transaction (and are undone with it).
 */
export async function hitMany(
  keys: readonly string[],
  limit: number,
  windowSeconds: number,
  now: Date = new Date(),
  tx: Prisma.TransactionClient = db,
): Promise<boolean[]> {
  if (keys.length === 0) return [];
  const windowStart = windowStartOf(now, windowSeconds);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const sorted = [...counts.keys()].sort();
  const rows = await tx.$queryRaw<Array<{ key: string; hits: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "hits")
    SELECT v.k, ${windowStart}, v.n FROM unnest(${sorted}::text[], ${sorted.map((key) => counts.get(key)!)}::int[]) AS v(k, n)
     ORDER BY v.k
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitCounter"."hits" + EXCLUDED."hits"
    RETURNING "key", "hits"`;
  const before = new Map(rows.map((row) => [row.key, Number(row.hits) - counts.get(row.key)!]));
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return (before.get(key) ?? limit) + nth <= limit;
  });
}

/** Deletes windows that started more than `olderThanSeconds` ago (default: a day). */
export async function deleteExpiredRateLimitWindows(olderThanSeconds = 24 * 60 * 60, now: Date = new Date()): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } },
  });
  return count;
}
