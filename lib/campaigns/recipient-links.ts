import { CAMPAIGN_TOPIC } from '@/lib/campaigns/audience/suppressions';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/generated/prisma/enums';
import { mailDomain } from '@/lib/smtp-transport';
import { createUnsubscribeToken, unsubscribeMailtoFor } from '@/lib/unsubscribe/tokens';

export type RecipientLinks = {
  /** RFC 8058 one-click target (POST); in the List-Unsubscribe header. */
  oneClickUrl: string;
  mailto: string;
  /** The footer link: the unsubscribe page, which asks before it changes anything. */
  unsubscribeUrl: string;
  /** The "manage my subscriptions" page; any unsubscribe token identifies the person. */
  preferencesUrl: string;
};

const BASE_URL = env.APP_URL.replace(/\/$/, '');

/**
 * The same URLs as oneClickUnsubscribeUrl / unsubscribeMailto / unsubscribePageUrl in
 * lib/unsubscribe/tokens.ts, built from ONE token: those helpers sign a token each, and at 500+
 * mails per second four HMACs per mail show in the sender's CPU time.
 */
export function recipientLinks(supporterId: string, locale: Locale): RecipientLinks {
  const token = createUnsubscribeToken({ supporterId, topic: CAMPAIGN_TOPIC });
  return {
    oneClickUrl: `${BASE_URL}/api/unsubscribe?token=${token}`,
    mailto: unsubscribeMailtoFor(token),
    unsubscribeUrl: `${BASE_URL}/${locale}/unsubscribe?token=${token}`,
    preferencesUrl: `${BASE_URL}/${locale}/subscriptions?token=${token}`,
  };
}

/** Message-ID for a campaign mail: the same for every attempt, so a receiving system can dedupe. */
export function campaignMessageId(campaignId: string, supporterId: string): string {
  return `<c.${campaignId}.${supporterId}@${mailDomain()}>`;
}
