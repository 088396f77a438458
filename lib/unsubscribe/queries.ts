import { db } from '@/lib/db';
import { ALL_TOPICS } from '@/lib/unsubscribe/tokens';

export type SuppressionReason = 'unsubscribed' | 'bounced' | 'unknownSupporter';

/** Why bulk mail on `topic` must not go to this supporter now, or null when it may. */
export async function findSuppressionReason(supporterId: string, topic: string): Promise<SuppressionReason | null> {
  const supporter = await db.supporter.findUnique({
    where: { id: supporterId },
    select: { bouncedAt: true, unsubscribes: { where: { topic: { in: [topic, ALL_TOPICS] } }, select: { topic: true }, take: 1 } },
  });
  if (!supporter) return 'unknownSupporter';
  if (supporter.unsubscribes.length > 0) return 'unsubscribed';
  if (supporter.bouncedAt) return 'bounced';
  return null;
}
