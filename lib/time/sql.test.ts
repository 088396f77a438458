import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { kazakhstanDateKeySql } from '@/lib/time/sql';

describe('kazakhstanDateKeySql', () => {
  it('gives a UTC timestamp column the same Kazakhstan date as kazakhstanDateKey, before and after the change', async () => {
    const instants = [
      '2023-11-25T17:59:00Z',
      '2023-11-25T18:00:00Z',
      '2024-02-29T17:59:00Z',
      '2024-02-29T18:30:00Z',
      '2026-11-25T18:59:00Z',
      '2026-11-25T19:00:00Z',
    ];
    const values = Prisma.join(instants.map((iso) => Prisma.sql`(${iso}::timestamptz AT TIME ZONE 'UTC')`));
    const rows = await db.$queryRaw<Array<{ day: string }>>`
      SELECT ${kazakhstanDateKeySql(Prisma.sql`t.at`)} AS day FROM (VALUES ${values}) AS t(at)`;
    expect(rows.map((row) => row.day)).toEqual(['2023-11-25', '2023-11-26', '2024-02-29', '2024-02-29', '2026-11-25', '2026-11-26']);
    expect(instants.map((iso) => kazakhstanDateKey(new Date(iso)))).toEqual(rows.map((row) => row.day));
  });
});
