import { Prisma } from '@/lib/generated/prisma/client';

/** Confirmed subscribers of one reform, or of all reforms. */
export function reformSubscribersSql(reformId: string): Prisma.Sql {
  return Prisma.sql`SELECT sub."supporterId" AS id FROM "ReformSubscription" sub
    WHERE (sub."reformId" = ${reformId} OR sub."reformId" IS NULL) AND sub.status = 'CONFIRMED'`;
}
