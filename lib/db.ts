import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { createStatementNamer } from '@/lib/prepared-statements';

function createPrismaClient() {
  // Idle connections stay open for a minute (pg's default is 10 s), so the pauses within a surge do
  // not close them, and a quiet server gives their memory back to PostgreSQL.
  const adapter = new PrismaPg(
    { connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, idleTimeoutMillis: 60_000 },
    // Off behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). The
    // adapter types the name as a string; it hands it to pg, which runs a query without one unnamed.
    env.DATABASE_PREPARED_STATEMENTS ? { statementNameGenerator: createStatementNamer() as (query: { sql: string }) => string } : {},
  );
  // A surge queues for the connections: an interactive transaction waits up to 10 s for one
  // (Prisma's default, 2 s, turned a burst of 200 RSVP confirmations into errors on two cores).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

// One client per process; the global survives hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
