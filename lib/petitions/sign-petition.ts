import { randomUUID } from 'node:crypto';
import { db, queryOnPool } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { keyring, sealPerson } from '@/lib/security/personal-data';
import {
  PENDING_TTL_SECONDS,
  PRIVACY_NOTICE_VERSION,
  MAX_MAILS_PER_SIGNATURE,
  RESEND_AFTER_SECONDS,
  SIGN_LIMIT_EXTREME,
  SIGN_LIMIT_FLAG,
  SIGN_LIMIT_WINDOW_SECONDS,
} from '@/lib/petitions/constants';
import { nudgeJob } from '@/lib/jobs/nudge-job';
import type { SignPetitionData } from '@/lib/petitions/schemas';
import { addressPrefix, hashAddress } from '@/lib/security/client-address';

/**
 * What the signer is told. "accepted" covers a new signature, signing again, a blocked address and
 * a honeypot hit alike, so the answer never reveals whether an address has signed.
 */
export type SignOutcome = 'accepted' | 'closed' | 'rate-limited';

export type SignContext = { clientAddress: string; now?: Date };

/** The address, its domain and every parent domain, for the blocklist lookup. */
function blockCandidates(email: string): string[] {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const labels = domain.split('.');
  const domains = labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
  return [email, ...domains];
}

type SignRow = { isOpen: boolean; hits: number; isBlocked: boolean; inserted: boolean | null };

/**
 * Records a pending signature (double opt-in: it counts once confirmed). One statement, one round
 * trip: the per-address limit, the blocklist, the supporter and the signature. It touches no
 * counter row (confirmation does), and the row itself asks for the mail (mailPending), so a 2xx
 * means both the signature and its mail are durable.
 */
export async function signPetition(slug: string, data: SignPetitionData, context: SignContext): Promise<SignOutcome> {
  const now = context.now ?? new Date();
  const ipHash = hashAddress(context.clientAddress);
  const windowMs = SIGN_LIMIT_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expiresAt = new Date(now.getTime() + PENDING_TTL_SECONDS * 1000);
  const resendBefore = new Date(now.getTime() - RESEND_AFTER_SECONDS * 1000);

  if (data.website) {
    // Honeypot: answer like a success, store nothing.
    const [row] = await db.$queryRaw<Array<{ isOpen: boolean }>>`
      SELECT EXISTS (SELECT 1 FROM "Petition" WHERE slug = ${slug} AND status = 'OPEN') AS "isOpen"`;
    return row?.isOpen ? 'accepted' : 'closed';
  }

  const keys = await keyring();
  const person = sealPerson(keys, { email: data.email, name: data.fullName });
  const [row] = await queryOnPool<SignRow>(Prisma.sql`
    WITH petition AS (
      SELECT id FROM "Petition"
       WHERE slug = ${slug} AND status = 'OPEN'
         AND ("opensAt" IS NULL OR "opensAt" <= ${now}) AND ("closesAt" IS NULL OR "closesAt" > ${now})
    ), limiter AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "hits")
      SELECT ${`petition-sign:ip:${ipHash}`}, ${windowStart}, 1 FROM petition
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitCounter"."hits" + 1
      RETURNING "hits"
    ), blocked AS (
      SELECT EXISTS (SELECT 1 FROM "PetitionBlock" WHERE value = ANY(${blockCandidates(data.email)}::text[])) AS yes
    ), allowed AS (
      SELECT petition.id, limiter.hits FROM petition, limiter, blocked
       WHERE limiter.hits <= ${SIGN_LIMIT_EXTREME} AND NOT blocked.yes
    ), supporter AS (
      INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", "nameSealed", locale, region, "createdAt", "updatedAt")
      SELECT ${randomUUID()}, ${person.emailIndex}, ${person.emailSealed}, ${person.nameSealed}, ${data.locale}::"Locale", ${data.region}::"Region",
             ${now}, ${now}
        FROM allowed
      -- A no-op write of a non-key column: it returns the existing row's id under a FOR NO KEY UPDATE
      -- lock, which foreign-key checks (FOR KEY SHARE) pass. Setting emailIndex, a unique key, took
      -- FOR UPDATE, so the mail job, holding this signer's Signature row and inserting their
      -- OutboundMail, waited for this statement while it waited for that Signature row: a deadlock.
      ON CONFLICT ("emailIndex") DO UPDATE SET "updatedAt" = "Supporter"."updatedAt"
      RETURNING id
    ), signature AS (
      INSERT INTO "Signature" ("petitionId", "supporterId", "emailIndex", "emailSealed", "fullNameSealed", region,
                               "citySealed", "commentSealed", locale, "isPublic", "wantsUpdates", "consentVersion",
                               "ipHash", "ipPrefixSealed", "isFlagged", "createdAt", "expiresAt")
      SELECT allowed.id, supporter.id, ${person.emailIndex}, ${person.emailSealed}, ${person.nameSealed}, ${data.region}::"Region",
             ${keys.sealOptional('place', data.city)}, ${keys.sealOptional('text', data.comment)}, ${data.locale}::"Locale",
             ${data.isPublic}, ${data.wantsUpdates}, ${PRIVACY_NOTICE_VERSION},
             ${ipHash}, ${keys.seal('network', addressPrefix(context.clientAddress))}, allowed.hits > ${SIGN_LIMIT_FLAG}, ${now}, ${expiresAt}
        FROM allowed, supporter
      ON CONFLICT ("petitionId", "emailIndex") DO UPDATE SET
        "mailPending" = "Signature"."mailPending" OR ("Signature"."mailsSent" < ${MAX_MAILS_PER_SIGNATURE}
                        AND ("Signature"."lastMailAt" IS NULL OR "Signature"."lastMailAt" < ${resendBefore})),
        "expiresAt" = CASE WHEN "Signature".status = 'PENDING' THEN EXCLUDED."expiresAt" END
      RETURNING (xmax = 0) AS inserted
    )
    SELECT EXISTS (SELECT 1 FROM petition) AS "isOpen",
           COALESCE((SELECT hits FROM limiter), 0)::int AS hits,
           (SELECT yes FROM blocked) AS "isBlocked",
           (SELECT inserted FROM signature) AS inserted`);

  if (!row?.isOpen) return 'closed';
  if (row.hits > SIGN_LIMIT_EXTREME) return 'rate-limited';
  if (row.inserted !== null) nudgeJob('petitions.mail');
  return 'accepted';
}
