import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { withUnreachableDatabase } from '@/tests/support/unreachable-database';
import { isDatabaseUnavailable } from '@/lib/database-availability';

afterAll(() => db.$disconnect());

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('isDatabaseUnavailable', () => {
  it('recognises a database nobody listens for, through Prisma and raw queries alike', async () => {
    await withUnreachableDatabase(async (nowhere) => {
      expect(isDatabaseUnavailable(await errorOf(() => nowhere.petition.findFirst()))).toBe(true);
      expect(isDatabaseUnavailable(await errorOf(() => nowhere.$queryRaw`SELECT 1`))).toBe(true);
    });
  });

  it('does not mistake the errors of a working database for an outage', async () => {
    expect(isDatabaseUnavailable(await errorOf(() => db.$queryRaw`SELECT 1/0`))).toBe(false);
    expect(isDatabaseUnavailable(await errorOf(() => db.petition.create({ data: {} as never })))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('recognises a connection the server closed, as when PostgreSQL is killed mid-request', async () => {
    const victim = db.$queryRaw`SELECT pg_sleep(5)`;
    const error = errorOf(() => victim);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()`;
    expect(isDatabaseUnavailable(await error)).toBe(true);
  });
});
