import { recordAudit } from '@/lib/audit';
import { renderCampaignMessage } from '@/lib/campaigns/render-campaign-message';
import { personalise } from '@/lib/campaigns/personalise';
import { CampaignDraftSchema, writtenLocales, type CampaignDraftInput } from '@/lib/campaigns/schemas';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/translator';
import { getSmtpTransport, senderAddress } from '@/lib/smtp-transport';

/**
 * Sends the draft, in every written language, to the organizer only. The links in it point at the
 * site but carry no token: nobody can be unsubscribed by a test mail.
 */
export async function sendTestMail(input: CampaignDraftInput, organizer: { id: string; email: string }): Promise<number> {
  const draft = CampaignDraftSchema.parse(input);
  const locales = writtenLocales(draft.subject, draft.body);
  const base = env.APP_URL.replace(/\/$/, '');
  for (const locale of locales) {
    const message = await renderCampaignMessage({ ...draft, useNeutralSender: draft.useNeutralSender }, locale);
    const content = personalise(message, { unsubscribeUrl: `${base}/${locale}/unsubscribe`, preferencesUrl: `${base}/${locale}/subscriptions` });
    await getSmtpTransport().sendMail({
      from: message.fromName ? { name: message.fromName, address: senderAddress() } : env.MAIL_FROM,
      to: organizer.email,
      subject: `${getTranslator(locale, 'campaigns')('mail.testPrefix')} ${content.subject}`,
      html: content.html,
      text: content.text,
    });
  }
  await recordAudit({ actorId: organizer.id, action: 'campaign.test-send', details: { name: draft.name, languages: locales } });
  return locales.length;
}
