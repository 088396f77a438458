import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

function createPrismaClient() {
  // Idle connections stay open for 10 minutes (pg's default is 10 s): a surge would otherwise
  // open them again one by one, each with a fork, authentication and cold caches on the server.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 20, idleTimeoutMillis: 600_000 });
  // A surge queues for the 20 connections: an interactive transaction waits up to 10 s for one
  // (Prisma's default, 2 s, turned a burst of 200 RSVP confirmations into errors on two cores).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

// One client per process; the global survives hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
