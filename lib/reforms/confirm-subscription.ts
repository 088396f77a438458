import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Locale, ReformAlertFrequency } from '@/lib/generated/prisma/enums';
import { ALL_REFORMS_TOPIC, reformTopic, SUBSCRIBE_CONSENT_PURPOSE, SUBSCRIBE_CONSENT_VERSION } from '@/lib/reforms/constants';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { hashRandomToken } from '@/lib/security/tokens';

export type SubscriptionToConfirm = {
  id: string;
  reform: { slug: string; title: Prisma.JsonValue } | null;
  locale: Locale;
  frequency: ReformAlertFrequency;
  isConfirmed: boolean;
};

async function findByToken(token: string) {
  const parsed = MailedTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const row = await db.reformSubscription.findUnique({
    where: { tokenHash: hashRandomToken(parsed.data) },
    select: {
      id: true,
      supporterId: true,
      reformId: true,
      status: true,
      locale: true,
      frequency: true,
      pendingLocale: true,
      pendingFrequency: true,
      tokenExpiresAt: true,
      reform: { select: { slug: true, title: true } },
    },
  });
  if (!row || !row.tokenExpiresAt || row.tokenExpiresAt < new Date()) return null;
  return row;
}

/** What a confirmation link is about (for the page that asks for the button press), or null. */
export async function findSubscriptionByToken(token: string): Promise<SubscriptionToConfirm | null> {
  const row = await findByToken(token);
  if (!row) return null;
  const hasPending = row.pendingLocale !== null || row.pendingFrequency !== null;
  return {
    id: row.id,
    reform: row.reform,
    locale: row.pendingLocale ?? row.locale,
    frequency: row.pendingFrequency ?? row.frequency,
    isConfirmed: row.status === 'CONFIRMED' && !hasPending,
  };
}

/**
 * Confirms by POST (mail scanners only GET). Confirming again is harmless; the link keeps working
 * until it expires or a newer mail replaces it. A fresh opt-in lifts an earlier unsubscribe from
 * this subscription's topic.
 */
export async function confirmSubscription(token: string): Promise<SubscriptionToConfirm> {
  const row = await findByToken(token);
  if (!row) throw new AppError('INVALID', { messageKey: 'linkInvalid' });
  await db.$transaction(async (tx) => {
    await tx.reformSubscription.update({
      where: { id: row.id },
      data: {
        status: 'CONFIRMED',
        locale: row.pendingLocale ?? row.locale,
        frequency: row.pendingFrequency ?? row.frequency,
        pendingLocale: null,
        pendingFrequency: null,
        ...(row.status === 'CONFIRMED' ? {} : { confirmedAt: new Date() }),
      },
    });
    if (row.status !== 'CONFIRMED') {
      await tx.consent.create({
        data: {
          supporterId: row.supporterId,
          purpose: SUBSCRIBE_CONSENT_PURPOSE,
          textVersion: SUBSCRIBE_CONSENT_VERSION,
          action: 'reform-subscribe',
        },
      });
    }
    await tx.unsubscribe.deleteMany({
      where: { supporterId: row.supporterId, topic: row.reformId ? reformTopic(row.reformId) : ALL_REFORMS_TOPIC },
    });
  });
  return {
    id: row.id,
    reform: row.reform,
    locale: row.pendingLocale ?? row.locale,
    frequency: row.pendingFrequency ?? row.frequency,
    isConfirmed: true,
  };
}
