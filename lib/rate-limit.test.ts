import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { deleteExpiredRateLimitWindows, hit } from '@/lib/rate-limit';

afterAll(() => db.$disconnect());

describe('hit', () => {
  it('allows up to the limit in a window, then refuses with nothing remaining', async () => {
    const now = new Date('2026-11-25T10:15:00Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hit('test:sequential', 3, 3600, now));

    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[0]!.resetAt.toISOString()).toBe('2026-11-25T11:00:00.000Z');
  });

  it('counts every concurrent hit exactly once', async () => {
    const now = new Date('2026-11-25T10:15:00Z');
    const results = await Promise.all(Array.from({ length: 30 }, () => hit('test:concurrent', 20, 3600, now)));

    expect(results.filter((r) => r.allowed)).toHaveLength(20);
    const row = await db.rateLimitCounter.findFirstOrThrow({ where: { key: 'test:concurrent' } });
    expect(row.hits).toBe(30);
    expect(row.windowStart.toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('starts a fresh count in the next window and keeps keys apart', async () => {
    const first = new Date('2026-11-25T10:59:59Z');
    const next = new Date('2026-11-25T11:00:00Z');
    expect((await hit('test:window', 1, 3600, first)).allowed).toBe(true);
    expect((await hit('test:window', 1, 3600, first)).allowed).toBe(false);
    expect((await hit('test:other-key', 1, 3600, first)).allowed).toBe(true);
    expect((await hit('test:window', 1, 3600, next)).allowed).toBe(true);
  });
});

describe('deleteExpiredRateLimitWindows', () => {
  it('removes only windows older than the horizon', async () => {
    const now = new Date('2026-11-26T12:00:00Z');
    await hit('test:cleanup-old', 5, 3600, new Date('2026-11-24T12:00:00Z'));
    await hit('test:cleanup-recent', 5, 3600, new Date('2026-11-26T11:30:00Z'));

    await deleteExpiredRateLimitWindows(24 * 60 * 60, now);

    const keys = (await db.rateLimitCounter.findMany({ where: { key: { startsWith: 'test:cleanup' } } })).map((r) => r.key);
    expect(keys).toEqual(['test:cleanup-recent']);
  });
});
