import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ALL_TOPICS, verifyUnsubscribeToken, type UnsubscribeClaim } from '@/lib/unsubscribe/tokens';

/**
 * Records the opt-out; doing it twice changes nothing. False when the supporter no longer exists
 * (erased), which for the person is the same outcome: no more mail.
 */
export async function unsubscribe(claim: UnsubscribeClaim): Promise<boolean> {
  // One statement: one-click unsubscribes arrive in thousands after a campaign (docs/conventions.md).
  const [row] = await db.$queryRaw<Array<{ exists: boolean }>>`
    WITH supporter AS (SELECT id FROM "Supporter" WHERE id = ${claim.supporterId}),
    opted_out AS (
      INSERT INTO "Unsubscribe" ("supporterId", topic, "createdAt")
      SELECT id, ${claim.topic}, ${new Date()} FROM supporter
      ON CONFLICT DO NOTHING
    )
    SELECT EXISTS (SELECT 1 FROM supporter) AS "exists"`;
  return row?.exists ?? false;
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
