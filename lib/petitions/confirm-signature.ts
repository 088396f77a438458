import { db } from '@/lib/db';
import { addToCount } from '@/lib/petitions/count';
import { hashRandomToken } from '@/lib/security/tokens';

export type ConfirmOutcome = { status: 'confirmed' | 'already-confirmed' | 'invalid'; slug?: string };

type Confirmed = {
  petitionId: string;
  supporterId: string;
  wantsUpdates: boolean;
  consentVersion: string;
  createdAt: Date;
  fullNameSealed: string;
  region: string;
  slug: string;
};

/**
 * Confirms the signature whose newest mail carried `token`. Runs only on a POST (the page's
 * button), so a mail scanner fetching the link changes nothing; confirming twice is harmless.
 */
export async function confirmSignature(token: string, now = new Date()): Promise<ConfirmOutcome> {
  const tokenHash = hashRandomToken(token);
  return db.$transaction(async (tx) => {
    // Lock order as in signPetition, supporter before signature: a repeat signature (which holds
    // its supporter row while it waits for the signature row) and this confirmation would
    // otherwise each wait for the other.
    await tx.$executeRaw`
      SELECT 1 FROM "Supporter"
       WHERE id = (SELECT "supporterId" FROM "Signature" WHERE "tokenHash" = ${tokenHash})
         FOR NO KEY UPDATE`;
    const [row] = await tx.$queryRaw<Confirmed[]>`
      UPDATE "Signature" s SET status = 'CONFIRMED', "confirmedAt" = ${now}, "expiresAt" = NULL, "mailPending" = false
        FROM "Petition" p
       WHERE s."tokenHash" = ${tokenHash} AND s.status = 'PENDING' AND s."expiresAt" > ${now} AND p.id = s."petitionId"
      RETURNING s."petitionId", s."supporterId", s."wantsUpdates", s."consentVersion", s."createdAt",
                s."fullNameSealed", s.region::text AS region, p.slug`;
    if (!row) {
      const existing = await tx.signature.findUnique({
        where: { tokenHash },
        select: { status: true, petition: { select: { slug: true } } },
      });
      return existing?.status === 'CONFIRMED' ? { status: 'already-confirmed', slug: existing.petition.slug } : { status: 'invalid' };
    }

    await addToCount(tx, row.petitionId, 1);
    // The owner of the address has now shown they agreed: record the consents they gave when signing.
    const action = `petition:${row.petitionId}`;
    await tx.consent.create({
      data: { supporterId: row.supporterId, purpose: 'privacy_notice', textVersion: row.consentVersion, action, givenAt: row.createdAt },
    });
    if (row.wantsUpdates) {
      await tx.consent.create({
        data: { supporterId: row.supporterId, purpose: 'updates', textVersion: row.consentVersion, action, givenAt: row.createdAt },
      });
    }
    await tx.$executeRaw`
      UPDATE "Supporter" SET "nameSealed" = COALESCE("nameSealed", ${row.fullNameSealed}), region = COALESCE(region, ${row.region}::"Region"),
             "updatedAt" = ${now}
       WHERE id = ${row.supporterId}`;
    return { status: 'confirmed', slug: row.slug };
  });
}
