import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { createStatementNamer, type StatementNamer } from '@/lib/prepared-statements';

type Database = { db: PrismaClient; pool: pg.Pool; nameStatement: StatementNamer | undefined };

function createDatabase(): Database {
  // Idle connections stay open for a minute (pg's default is 10 s), so the pauses within a surge do
  // not close them, and a quiet server gives their memory back to PostgreSQL.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, idleTimeoutMillis: 60_000 });
  // Off behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
  const nameStatement = env.DATABASE_PREPARED_STATEMENTS ? createStatementNamer() : undefined;
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // The adapter types the name as a string; it hands it to pg, which runs a query without one unnamed.
    ...(nameStatement ? { statementNameGenerator: nameStatement as (query: { sql: string }) => string } : {}),
  });
  // A surge queues for the connections: an interactive transaction waits up to 10 s for one
  // (Prisma's default, 2 s, turned a burst of 200 RSVP confirmations into errors on two cores).
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
  return { db, pool, nameStatement };
}

// One client and pool per process; the global survives hot reloads in development.
const globalForDatabase = globalThis as unknown as { database?: Database };
const database = globalForDatabase.database ?? createDatabase();
if (env.NODE_ENV !== 'production') globalForDatabase.database = database;

export const db: PrismaClient = database.db;

/** A timestamp as Prisma's adapter sends it: UTC wall time, for `timestamp(3)` columns without a zone. */
function pgValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
}

/**
 * Runs one raw statement on Prisma's own pool, past Prisma's query engine: for the sign path only,
 * where that engine cost about a quarter of the web process's CPU per signature (docs/benchmarks.md).
 * Same connections, same prepared-statement names, same errors as `db.$queryRaw` (pg's, which
 * lib/database-availability.ts reads either way); everything else goes through `db`.
 */
export async function queryOnPool<Row extends pg.QueryResultRow>(statement: Prisma.Sql): Promise<Row[]> {
  // `db.$disconnect()` ends this pool, and Prisma opens a pool of its own at its next query.
  if (database.pool.ending) return db.$queryRaw<Row[]>(statement);
  const text = statement.text;
  const result = await database.pool.query<Row>({
    name: database.nameStatement?.({ sql: text }),
    text,
    values: statement.values.map(pgValue),
  });
  return result.rows;
}
