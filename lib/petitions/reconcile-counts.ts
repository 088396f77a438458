import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { forgetPublicCount } from '@/lib/petitions/count';

export type Reconciliation = { petitionId: string; trueCount: number; counter: number; drift: number };

/**
 * Proves the sharded counter against a true COUNT and repairs any drift. The count and the sum are
 * read in one statement (one snapshot); confirmations change a signature and a shard in one
 * transaction, so both sides agree within a snapshot and the drift is exact. The repair adds the
 * drift as a delta, which stays right while confirmations go on.
 */
export async function reconcileCounts(now = new Date()): Promise<Reconciliation[]> {
  const rows = await db.$queryRaw<Array<{ petitionId: string; trueCount: number; counter: number }>>`
    SELECT p.id AS "petitionId",
           (SELECT count(*) FROM "Signature" s WHERE s."petitionId" = p.id AND s.status = 'CONFIRMED')::int AS "trueCount",
           (SELECT COALESCE(SUM(c.confirmed), 0) FROM "PetitionCountShard" c WHERE c."petitionId" = p.id)::int AS counter
      FROM "Petition" p`;
  const results: Reconciliation[] = [];
  for (const row of rows) {
    const drift = row.trueCount - row.counter;
    await db.$transaction(async (tx) => {
      if (drift !== 0) {
        await tx.$executeRaw`
          INSERT INTO "PetitionCountShard" ("petitionId", shard, confirmed) VALUES (${row.petitionId}, 0, ${drift})
          ON CONFLICT ("petitionId", shard) DO UPDATE SET confirmed = "PetitionCountShard".confirmed + EXCLUDED.confirmed`;
      }
      await tx.petition.update({ where: { id: row.petitionId }, data: { countCheckedAt: now, countDrift: drift } });
    });
    if (drift !== 0) {
      forgetPublicCount(row.petitionId);
      await recordAudit({
        actorId: null,
        action: 'petition.count-repaired',
        subjectType: 'Petition',
        subjectId: row.petitionId,
        details: { trueCount: row.trueCount, counter: row.counter, drift },
      });
    }
    results.push({ ...row, drift });
  }
  return results;
}
