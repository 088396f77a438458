import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { freePort } from '@/scripts/lib/free-port';

/**
 * A Prisma client for a database nobody listens for: the real error of an outage, for the code
 * that must recognise it. The only client besides lib/db.ts, and only in tests.
 */
export async function withUnreachableDatabase<T>(run: (client: PrismaClient) => Promise<T>): Promise<T> {
  const nowhere = new PrismaClient({
    adapter: new PrismaPg({ connectionString: `postgresql://dauys:dauys@127.0.0.1:${await freePort()}/dauys` }),
  });
  try {
    return await run(nowhere);
  } finally {
    await nowhere.$disconnect();
  }
}

/** The error a query raises when the database cannot be reached. */
export function outageError(): Promise<unknown> {
  return withUnreachableDatabase((client) =>
    client.petition.findFirst().then(
      () => {
        throw new Error('expected the query to fail');
      },
      (error: unknown) => error,
    ),
  );
}
