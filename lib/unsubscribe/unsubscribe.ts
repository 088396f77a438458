import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ALL_TOPICS, verifyUnsubscribeToken, type UnsubscribeClaim } from '@/lib/unsubscribe/tokens';

/**
 * Records the opt-out; doing it twice changes nothing. False when the supporter no longer exists
 * (erased), which for the person is the same outcome: no more mail.
 */
export async function unsubscribe(claim: UnsubscribeClaim): Promise<boolean> {
  const supporter = await db.supporter.findUnique({ where: { id: claim.supporterId }, select: { id: true } });
  if (!supporter) return false;
  await db.unsubscribe.createMany({
    data: [{ supporterId: supporter.id, topic: claim.topic }],
    skipDuplicates: true,
  });
  return true;
}

export type UnsubscribeScope = 'topic' | 'all';

/** Unsubscribes the token's supporter from its topic, or from everything; throws INVALID for a bad token. */
export async function unsubscribeWithToken(token: string, scope: UnsubscribeScope = 'topic'): Promise<UnsubscribeClaim> {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) throw new AppError('INVALID', { messageKey: 'invalidToken' });
  const target = scope === 'all' ? { ...claim, topic: ALL_TOPICS } : claim;
  await unsubscribe(target);
  return target;
}
