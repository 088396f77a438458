import { Prisma } from '@/lib/generated/prisma/client';

/** Confirmed signers of one petition (consent to campaign mail is checked by the audience). */
export function petitionSignersSql(petitionId: string): Prisma.Sql {
  return Prisma.sql`SELECT sig."supporterId" AS id FROM "Signature" sig
    WHERE sig."petitionId" = ${petitionId} AND sig.status = 'CONFIRMED'`;
}
