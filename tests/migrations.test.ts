import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, diffMigrationsToSchema, readMigrationList } from '../scripts/lib/migration-engine';

describe('prisma/migrations', () => {
  it('builds a database that matches prisma/schema/ exactly (no drift)', async () => {
    const drift = await diffMigrationsToSchema(process.env.DATABASE_URL!);
    expect(drift, 'prisma/schema/ changed without a migration: run `npm run db:migrate -- --name …`').toBe('');
  });

  it("records every migration in _prisma_migrations, in Prisma's standard form, and re-applies as a no-op", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      const onDisk = (await readMigrationList()).migrationDirectories.map((dir) => dir.path);
      expect(rows.map((row) => row.migration_name)).toEqual(onDisk);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).not.toBeNull();
      }
    } finally {
      await client.end();
    }
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it('refuses, with the reason, to seal a database that holds supporters stored in the clear', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // As a database of a version before encryption at rest: the sealing migration not applied, a supporter stored.
      await client.query(`DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_seal_personal_data'`);
      await client.query(`INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", "updatedAt") VALUES ('old', 'x', 'x', now())`);
      await expect(applyMigrations(process.env.DATABASE_URL!)).rejects.toThrow(/stored in the clear .* Export what you need/);
      expect((await client.query(`SELECT count(*)::int AS n FROM "Supporter"`)).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
