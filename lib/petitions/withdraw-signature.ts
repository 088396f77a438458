import { db } from '@/lib/db';
import { addToCount } from '@/lib/petitions/count';
import { hashRandomToken } from '@/lib/security/tokens';

export type WithdrawOutcome = { status: 'withdrawn' | 'invalid'; slug?: string };

/**
 * Removes the signature whose newest mail carried `token`, with the personal data it holds
 * ("it wasn't me" before confirmation, withdrawal after). A confirmed one leaves the count too,
 * in the same transaction, so the count stays true.
 */
export async function withdrawSignature(token: string, now = new Date()): Promise<WithdrawOutcome> {
  const tokenHash = hashRandomToken(token);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ petitionId: string; supporterId: string; status: string; slug: string }>>`
      DELETE FROM "Signature" s USING "Petition" p
       WHERE s."tokenHash" = ${tokenHash} AND p.id = s."petitionId"
      RETURNING s."petitionId", s."supporterId", s.status::text AS status, p.slug`;
    if (!row) return { status: 'invalid' };
    if (row.status === 'CONFIRMED') await addToCount(tx, row.petitionId, -1);
    await tx.consent.updateMany({
      where: { supporterId: row.supporterId, action: `petition:${row.petitionId}`, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    return { status: 'withdrawn', slug: row.slug };
  });
}
