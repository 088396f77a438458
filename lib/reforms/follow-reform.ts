import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { reformTopic, SUBSCRIBE_CONSENT_PURPOSE, SUBSCRIBE_CONSENT_VERSION } from '@/lib/reforms/constants';

export type FollowOutcome = 'followed' | 'alreadyFollowing';

/**
 * One-click follow for a petition signer (from their confirmation page): no second opt-in mail,
 * because the address was just confirmed by the signature. Only for supporters with a confirmed
 * signature that opted in to updates; anyone else must use the "Get alerts" form.
 */
export async function followReformForSupporter(supporterId: string, reformId: string): Promise<FollowOutcome> {
  const [reform, signer] = await Promise.all([
    db.reform.findUnique({ where: { id: reformId }, select: { id: true } }),
    db.signature.findFirst({
      where: { supporterId, status: 'CONFIRMED', wantsUpdates: true },
      select: { supporter: { select: { locale: true } } },
    }),
  ]);
  if (!reform) throw new AppError('NOT_FOUND');
  if (!signer?.supporter) throw new AppError('FORBIDDEN');
  const { locale } = signer.supporter;
  return db.$transaction(async (tx) => {
    const existing = await tx.reformSubscription.findUnique({
      where: { supporterId_scopeKey: { supporterId, scopeKey: reformId } },
      select: { id: true, status: true },
    });
    if (existing?.status === 'CONFIRMED') return 'alreadyFollowing';
    const fields = {
      status: 'CONFIRMED' as const,
      confirmedAt: new Date(),
      frequency: 'EACH' as const,
      locale,
      source: 'petition',
      consentVersion: SUBSCRIBE_CONSENT_VERSION,
      tokenHash: null,
      tokenExpiresAt: null,
    };
    if (existing) await tx.reformSubscription.update({ where: { id: existing.id }, data: fields });
    else await tx.reformSubscription.create({ data: { supporterId, reformId, scopeKey: reformId, ...fields } });
    await tx.consent.create({
      data: { supporterId, purpose: SUBSCRIBE_CONSENT_PURPOSE, textVersion: SUBSCRIBE_CONSENT_VERSION, action: 'reform-follow' },
    });
    await tx.unsubscribe.deleteMany({ where: { supporterId, topic: reformTopic(reformId) } });
    return 'followed';
  });
}
