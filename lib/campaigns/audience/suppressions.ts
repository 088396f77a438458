import { Prisma } from '@/lib/generated/prisma/client';

/** The unsubscribe topics that stop campaign mail: everything, or campaigns only. */
export const CAMPAIGN_TOPIC = 'campaigns';
export const CAMPAIGN_SUPPRESSING_TOPICS = ['all', CAMPAIGN_TOPIC] as const;

/**
 * True for a supporter (alias `s`) who may receive campaign mail: not bounced, not unsubscribed
 * from all bulk mail or from campaigns, and holding a consent to updates that was never withdrawn.
 * Used both when the audience is materialised and again when each batch is claimed for sending.
 */
export function mailableSql(supporter: Prisma.Sql = Prisma.raw('s')): Prisma.Sql {
  return Prisma.sql`${supporter}."bouncedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "Unsubscribe" u
      WHERE u."supporterId" = ${supporter}.id AND u.topic IN ('all', ${CAMPAIGN_TOPIC}))
    AND EXISTS (SELECT 1 FROM "Consent" c
      WHERE c."supporterId" = ${supporter}.id AND c.purpose = 'updates' AND c."withdrawnAt" IS NULL)`;
}

/** Why a supporter (alias `s`) may not get campaign mail now, or NULL when they may. */
export function suppressionReasonSql(supporter: Prisma.Sql = Prisma.raw('s')): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${supporter}."bouncedAt" IS NOT NULL THEN 'bounced'
    WHEN EXISTS (SELECT 1 FROM "Unsubscribe" u
      WHERE u."supporterId" = ${supporter}.id AND u.topic IN ('all', ${CAMPAIGN_TOPIC})) THEN 'unsubscribed'
    WHEN NOT EXISTS (SELECT 1 FROM "Consent" c
      WHERE c."supporterId" = ${supporter}.id AND c.purpose = 'updates' AND c."withdrawnAt" IS NULL) THEN 'noConsent'
    ELSE NULL END`;
}
