import { afterEach, describe, expect, it } from 'vitest';
import { db, queryOnPool } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('queryOnPool', () => {
  it('sends a timestamp as Prisma does, as UTC wall time, whatever the server’s time zone', async () => {
    process.env.TZ = 'Asia/Almaty';
    const at = new Date('2026-11-25T23:30:00.123Z');
    const query = (value: Date) => Prisma.sql`SELECT to_char(${value}::timestamp(3), 'YYYY-MM-DD HH24:MI:SS.MS') AS text`;

    const [throughPool] = await queryOnPool<{ text: string }>(query(at));
    const [throughPrisma] = await db.$queryRaw<Array<{ text: string }>>(query(at));

    expect(throughPool?.text).toBe('2026-11-25 23:30:00.123');
    expect(throughPrisma?.text).toBe(throughPool?.text);
  });

  it('prepares a statement run often on its connection, like Prisma’s own', async () => {
    const slug = 'prepared-on-pool';
    for (let use = 0; use < 12; use += 1)
      await queryOnPool(Prisma.sql`SELECT count(*) FROM "Petition" WHERE slug = ${slug} AND ${use} >= 0`);
    // Each of the pool's connections ran it; one of them runs this query too.
    const seen = await Promise.all(
      Array.from({ length: 4 }, () =>
        queryOnPool<{ named: boolean }>(
          Prisma.sql`SELECT EXISTS (SELECT 1 FROM pg_prepared_statements WHERE NOT from_sql AND statement LIKE ${'%slug = $1 AND $2 >= 0%'}) AS named`,
        ),
      ),
    );
    expect(seen.some(([row]) => row?.named)).toBe(true);
  });

  it('still answers after db.$disconnect(), as Prisma does', async () => {
    await db.$disconnect();
    const [row] = await queryOnPool<{ one: number }>(Prisma.sql`SELECT ${1}::int AS one`);
    expect(row?.one).toBe(1);
  });
});
