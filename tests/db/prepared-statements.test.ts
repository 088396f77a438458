import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';

describe('prepared statements', () => {
  it('are kept on the connection for a statement run often, not for one run once', async () => {
    const prepared = await db.$transaction(async (tx) => {
      // One transaction: every statement below runs on the same connection (session).
      for (let use = 0; use < 5; use += 1) await tx.$queryRaw`SELECT count(*) FROM "Petition" WHERE slug = ${`often-${use}`}`;
      await tx.$queryRaw`SELECT count(*) FROM "Petition" WHERE status = ${'OPEN'}::"PetitionStatus" AND slug = ${'once'}`;
      return tx.$queryRaw<Array<{ statement: string }>>`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`;
    });
    const statements = prepared.map((row) => row.statement);
    expect(statements.some((text) => text.includes('WHERE slug = $1'))).toBe(true);
    expect(statements.some((text) => text.includes('AND slug = $2'))).toBe(false);
  });
});
