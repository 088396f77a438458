import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { spendMailBudget } from '@/lib/mail-budget';
import { sendMail } from '@/lib/mailer';
import { getQueue } from '@/lib/queue';
import { guardClientNetwork, hit, type Requester } from '@/lib/rate-limit';
import {
  CONFIRM_TOKEN_TTL_SECONDS,
  SUBSCRIBE_CONSENT_VERSION,
  SUBSCRIBE_LIMIT_PER_EMAIL,
  SUBSCRIBE_LIMIT_PER_IP,
  SUBSCRIBE_LIMIT_WINDOW_SECONDS,
} from '@/lib/reforms/constants';
import { localized } from '@/lib/i18n/localized';
import { SubscribeSchema, type SubscribeInput } from '@/lib/reforms/schemas';
import { keyring } from '@/lib/security/personal-data';
import { hashRandomToken, newRandomToken } from '@/lib/security/tokens';
import { upsertSupporterByEmail } from '@/lib/supporters/upsert-supporter';

export function confirmUrl(locale: string, token: string): string {
  return `${env.APP_URL.replace(/\/$/, '')}/${locale}/reforms/alerts/confirm?token=${encodeURIComponent(token)}`;
}

/**
 * "Get alerts": records the request and mails a confirmation link (double opt-in). The answer is
 * the same whether or not the address is known or already subscribed, and an existing
 * subscription changes only when its owner confirms the new settings from their mailbox.
 * Guards first: the honeypot, then the requester's network, later the address's own limit.
 */
export async function requestReformAlerts(input: SubscribeInput, requester: Requester = {}): Promise<void> {
  const data = SubscribeSchema.parse(input);
  if (data.website) return;
  await guardClientNetwork('reforms-subscribe', requester, SUBSCRIBE_LIMIT_PER_IP, SUBSCRIBE_LIMIT_WINDOW_SECONDS);
  const reform = data.scope === 'all' ? null : await db.reform.findUnique({ where: { id: data.scope }, select: { id: true, title: true } });
  if (data.scope !== 'all' && !reform) throw new AppError('INVALID', { field: 'scope', messageKey: 'invalidChoice' });

  // Bounded per address, silently: a refusal must not tell a stranger anything about the address.
  const limit = await hit(
    `reforms-subscribe:email:${(await keyring()).emailIndex(data.email)}`,
    SUBSCRIBE_LIMIT_PER_EMAIL,
    SUBSCRIBE_LIMIT_WINDOW_SECONDS,
  );
  if (!limit.allowed) return;

  // Over the address's mail budget (shared with every other mail a stranger can trigger) the request
  // is still stored but nothing is mailed, and the token stays, so the link mailed last still works.
  const canMail = await spendMailBudget(data.email);
  const token = newRandomToken();
  const scopeKey = reform?.id ?? 'all';
  const tokenFields = canMail
    ? { tokenHash: hashRandomToken(token), tokenExpiresAt: new Date(Date.now() + CONFIRM_TOKEN_TTL_SECONDS * 1000) }
    : {};
  // Started before the transaction: its first start would lengthen the time the supporter row is held.
  await getQueue();
  await db.$transaction(async (tx) => {
    const supporter = await upsertSupporterByEmail({ email: data.email, locale: data.locale }, tx);
    const existing = await tx.reformSubscription.findUnique({
      where: { supporterId_scopeKey: { supporterId: supporter.id, scopeKey } },
      select: { id: true, status: true },
    });
    if (!existing) {
      await tx.reformSubscription.create({
        data: {
          supporterId: supporter.id,
          reformId: reform?.id ?? null,
          scopeKey,
          locale: data.locale,
          frequency: data.frequency,
          consentVersion: SUBSCRIBE_CONSENT_VERSION,
          ...tokenFields,
        },
      });
    } else if (existing.status === 'PENDING') {
      await tx.reformSubscription.update({
        where: { id: existing.id },
        data: { locale: data.locale, frequency: data.frequency, consentVersion: SUBSCRIBE_CONSENT_VERSION, ...tokenFields },
      });
    } else {
      await tx.reformSubscription.update({
        where: { id: existing.id },
        data: { pendingLocale: data.locale, pendingFrequency: data.frequency, ...tokenFields },
      });
    }
    if (!canMail) return;
    await sendMail(
      {
        to: data.email,
        supporterId: supporter.id,
        locale: data.locale,
        template: 'reform-subscription-confirm',
        props: {
          confirmUrl: confirmUrl(data.locale, token),
          frequency: data.frequency,
          ...(reform ? { reformTitle: localized(reform.title, data.locale) } : {}),
        },
      },
      tx,
    );
  });
}
