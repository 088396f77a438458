import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { keyring } from '@/lib/security/personal-data';
import { existingTables } from '@/lib/supporters/filter-sql';

export const ERASED_NAME = '—';

/**
 * Erasure that keeps the counts: the person's row and their signatures stay (so petition totals,
 * figures by region and campaign totals do not move) but everything that identifies them is
 * replaced or removed, and they can never be mailed again. Audit-logged without personal data.
 */
export async function eraseSupporter(supporterId: string, actor: { id: string }): Promise<void> {
  const [tables, keys] = await Promise.all([existingTables(), keyring()]);
  await db.$transaction(async (tx) => {
    const supporter = await tx.supporter.findUnique({ where: { id: supporterId }, select: { id: true } });
    if (!supporter) throw new AppError('NOT_FOUND', { messageKey: 'supporterNotFound' });
    const anonymous = `erased-${supporterId}@erased.invalid`;
    const anonymousSealed = keys.seal('email', anonymous);
    const erasedNameSealed = keys.seal('name', ERASED_NAME);
    await tx.supporter.update({
      where: { id: supporterId },
      data: { emailIndex: `erased:${supporterId}`, emailSealed: anonymousSealed, nameSealed: null, bouncedAt: new Date(), bounceReason: 'erased' },
    });
    await tx.consent.deleteMany({ where: { supporterId } });
    await tx.supporterTag.deleteMany({ where: { supporterId } });
    await tx.unsubscribe.deleteMany({ where: { supporterId } });
    await tx.unsubscribe.create({ data: { supporterId, topic: 'all' } });
    await tx.outboundMail.updateMany({ where: { supporterId }, data: { toAddressSealed: anonymousSealed, payloadSealed: null } });
    if (tables.has('Signature')) {
      await tx.$executeRaw`
        UPDATE "Signature" SET "emailIndex" = 'erased:' || id, "emailSealed" = ${anonymousSealed}, "fullNameSealed" = ${erasedNameSealed},
          "citySealed" = NULL, "commentSealed" = NULL, "isPublic" = false, "wantsUpdates" = false, "tokenHash" = NULL,
          "ipHash" = NULL, "ipPrefixSealed" = NULL
        WHERE "supporterId" = ${supporterId}`;
    }
    if (tables.has('Rsvp')) {
      await tx.$executeRaw`
        UPDATE "Rsvp" SET "emailIndex" = 'erased:' || id, "emailSealed" = ${anonymousSealed}, "nameSealed" = ${erasedNameSealed}
         WHERE "supporterId" = ${supporterId}`;
    }
    await recordAudit({ actorId: actor.id, action: 'supporter.erase', subjectType: 'Supporter', subjectId: supporterId }, tx);
  });
}
