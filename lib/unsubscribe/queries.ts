import { db } from '@/lib/db';
import { localized } from '@/lib/i18n/localized';
import type { AppLocale } from '@/lib/i18n/routing';
import { ALL_REFORMS_TOPIC, reformIdOfTopic } from '@/lib/reforms/constants';
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

/** What the unsubscribe page names: the topic whose label it shows and, for one reform's alerts, that reform's title. */
export type UnsubscribeSubject = { topic: string; reformTitle: string | null };

/**
 * One reform's alerts are named by the reform's title in `locale`; once the reform is deleted they
 * are "reforms". Every other topic is itself.
 */
export async function findUnsubscribeSubject(topic: string, locale: AppLocale): Promise<UnsubscribeSubject> {
  const reformId = reformIdOfTopic(topic);
  if (!reformId) return { topic, reformTitle: null };
  const reform = await db.reform.findUnique({ where: { id: reformId }, select: { title: true } });
  return { topic: ALL_REFORMS_TOPIC, reformTitle: reform ? localized(reform.title, locale) : null };
}
