import { Prisma } from '@/lib/generated/prisma/client';

/** Everyone who opted in to updates and has not withdrawn it. */
export function updatesSubscribersSql(): Prisma.Sql {
  return Prisma.sql`SELECT c."supporterId" AS id FROM "Consent" c
    WHERE c.purpose = 'updates' AND c."withdrawnAt" IS NULL`;
}
