import type Mail from 'nodemailer/lib/mailer';
import { bounceAddress } from '@/lib/bounces/return-path';
import { personalise, type RenderedCampaignMessage } from '@/lib/campaigns/personalise';
import { campaignMessageId, recipientLinks } from '@/lib/campaigns/recipient-links';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { senderAddress } from '@/lib/smtp-transport';
import type { Locale } from '@/lib/generated/prisma/enums';
import type { ClaimedRecipient } from '@/lib/campaigns/sender/ledger';

export const IDEMPOTENCY_HEADER = 'X-Dauys-Idempotency-Key';

export type PreparedCampaign = {
  id: string;
  messages: Map<Locale, RenderedCampaignMessage>;
};

/**
 * The campaign's messages as rendered when it started (EmailCampaign.rendered), so the sending
 * process needs neither React nor the Markdown parser.
 */
export async function loadPreparedCampaign(campaignId: string): Promise<PreparedCampaign> {
  const campaign = await db.emailCampaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { id: true, rendered: true },
  });
  const rendered = (campaign.rendered ?? []) as RenderedCampaignMessage[];
  if (rendered.length === 0) throw new Error(`Campaign ${campaignId} was started without rendered messages`);
  return {
    id: campaign.id,
    messages: new Map(rendered.map((message) => [message.locale, message])),
  };
}

/**
 * One recipient's message: the cached rendering of their language with their links filled in,
 * RFC 8058 one-click unsubscribe, a stable Message-ID and an idempotency key. No tracking of any kind.
 */
export function buildCampaignMail(
  campaign: PreparedCampaign,
  recipient: Pick<ClaimedRecipient, 'id' | 'supporterId' | 'email' | 'locale'>,
): Mail.Options {
  const message = campaign.messages.get(recipient.locale) ?? campaign.messages.values().next().value;
  if (!message) throw new Error(`Campaign ${campaign.id} has no written language`);
  const links = recipientLinks(recipient.supporterId, message.locale);
  const content = personalise(message, links);
  return {
    from: message.fromName ? { name: message.fromName, address: senderAddress() } : env.MAIL_FROM,
    to: recipient.email,
    envelope: { from: bounceAddress({ kind: 'campaign', campaignRecipientId: recipient.id }), to: recipient.email },
    subject: content.subject,
    html: content.html,
    text: content.text,
    messageId: campaignMessageId(campaign.id, recipient.supporterId),
    // Nested: one List-Unsubscribe header holding both targets.
    list: { unsubscribe: [[links.oneClickUrl, links.mailto]] },
    headers: {
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      [IDEMPOTENCY_HEADER]: `${campaign.id}:${recipient.supporterId}`,
      'Content-Language': message.locale,
    },
  };
}
