import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/generated/prisma/enums';
import { MANAGEABLE_TOPICS, PreferencesSchema, type ManageableTopic, type PreferencesInput } from '@/lib/supporters/schemas';
import { ALL_TOPICS, verifyUnsubscribeToken } from '@/lib/unsubscribe/tokens';

export const PREFERENCES_CONSENT_VERSION = 'preferences-2026-1';

export type Preferences = { locale: Locale; subscribed: Record<ManageableTopic, boolean> };

function supporterIdOf(token: string): string {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) throw new AppError('INVALID', { messageKey: 'invalidToken' });
  return claim.supporterId;
}

/** What the person behind any mail's unsubscribe token receives now. */
export async function getPreferences(token: string): Promise<Preferences> {
  const supporterId = supporterIdOf(token);
  const supporter = await db.supporter.findUnique({
    where: { id: supporterId },
    select: {
      locale: true,
      unsubscribes: { select: { topic: true } },
      consents: { where: { purpose: 'updates', withdrawnAt: null }, select: { id: true } },
    },
  });
  if (!supporter) throw new AppError('NOT_FOUND', { messageKey: 'invalidToken' });
  const off = new Set(supporter.unsubscribes.map((u) => u.topic));
  const everything = off.has(ALL_TOPICS);
  const subscribed = Object.fromEntries(
    MANAGEABLE_TOPICS.map((topic) => [topic, !everything && !off.has(topic) && (topic !== 'campaigns' || supporter.consents.length > 0)]),
  ) as Record<ManageableTopic, boolean>;
  return { locale: supporter.locale, subscribed };
}

/**
 * Applies the page: the checked topics on, the others off, and the language of future mail.
 * Switching campaign mail on is an explicit opt-in and is recorded as a consent to updates.
 */
export async function savePreferences(input: PreferencesInput): Promise<void> {
  const { token, locale, topics } = PreferencesSchema.parse(input);
  const supporterId = supporterIdOf(token);
  const on = new Set(topics);
  await db.$transaction(async (tx) => {
    const supporter = await tx.supporter.findUnique({ where: { id: supporterId }, select: { id: true } });
    if (!supporter) throw new AppError('NOT_FOUND', { messageKey: 'invalidToken' });
    await tx.supporter.update({ where: { id: supporterId }, data: { locale } });
    // Reform alerts carry their own language (chosen when subscribing): the page's choice is for all mail.
    await tx.reformSubscription.updateMany({ where: { supporterId }, data: { locale } });
    await tx.unsubscribe.deleteMany({ where: { supporterId, topic: { in: [ALL_TOPICS, ...MANAGEABLE_TOPICS] } } });
    const off = MANAGEABLE_TOPICS.filter((topic) => !on.has(topic));
    if (off.length > 0) await tx.unsubscribe.createMany({ data: off.map((topic) => ({ supporterId, topic })) });
    if (on.has('campaigns')) {
      const consent = await tx.consent.findFirst({ where: { supporterId, purpose: 'updates', withdrawnAt: null } });
      if (!consent) {
        await tx.consent.create({
          data: { supporterId, purpose: 'updates', textVersion: PREFERENCES_CONSENT_VERSION, action: 'preferences' },
        });
      }
    }
  });
}
