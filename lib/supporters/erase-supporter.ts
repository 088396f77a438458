import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { existingTables } from '@/lib/supporters/filter-sql';

export const ERASED_NAME = '—';

/**
 * Erasure that keeps the counts: the person's row and their signatures stay (so petition totals,
 * figures by region and campaign totals do not move) but everything that identifies them is
 * replaced or removed, and they can never be mailed again. Audit-logged without personal data.
 */
export async function eraseSupporter(supporterId: string, actor: { id: string }): Promise<void> {
  const tables = await existingTables();
  await db.$transaction(async (tx) => {
    const supporter = await tx.supporter.findUnique({ where: { id: supporterId }, select: { id: true } });
    if (!supporter) throw new AppError('NOT_FOUND', { messageKey: 'supporterNotFound' });
    const anonymous = `erased-${supporterId}@erased.invalid`;
    await tx.supporter.update({
      where: { id: supporterId },
      data: { email: anonymous, name: null, bouncedAt: new Date(), bounceReason: 'erased' },
    });
    await tx.consent.deleteMany({ where: { supporterId } });
    await tx.supporterTag.deleteMany({ where: { supporterId } });
    await tx.unsubscribe.deleteMany({ where: { supporterId } });
    await tx.unsubscribe.create({ data: { supporterId, topic: 'all' } });
    await tx.outboundMail.updateMany({ where: { supporterId }, data: { toAddress: anonymous } });
    if (tables.has('Signature')) {
      await tx.$executeRaw`
        UPDATE "Signature" SET email = ${anonymous} || '#' || id, "fullName" = ${ERASED_NAME}, city = NULL, comment = NULL,
          "isPublic" = false, "wantsUpdates" = false, "tokenHash" = NULL, "ipHash" = NULL, "ipPrefix" = NULL
        WHERE "supporterId" = ${supporterId}`;
    }
    if (tables.has('Rsvp')) {
      await tx.$executeRaw`
        UPDATE "Rsvp" SET email = ${anonymous} || '#' || id, name = ${ERASED_NAME} WHERE "supporterId" = ${supporterId}`;
    }
    await recordAudit({ actorId: actor.id, action: 'supporter.erase', subjectType: 'Supporter', subjectId: supporterId }, tx);
  });
}
