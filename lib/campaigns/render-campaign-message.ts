import { render } from '@react-email/components';
import { createElement } from 'react';
import CampaignMessageEmail from '@/emails/campaigns-message';
import { markdownToMailHtml } from '@/lib/campaigns/markdown';
import { PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER, type RenderedCampaignMessage } from '@/lib/campaigns/personalise';
import { getTranslator } from '@/lib/i18n/translator';
import type { Locale } from '@/lib/generated/prisma/enums';


export type CampaignContent = {
  subject: Partial<Record<Locale, string>>;
  body: Partial<Record<Locale, string>>;
  subjectPrefix?: string | null;
  useNeutralSender?: boolean;
};

function previewOf(markdown: string): string {
  return markdown.replace(/[#*_>`[\]()!-]/g, '').replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** Renders one language of a campaign once; `personalise` then fills in each recipient's links. */
export async function renderCampaignMessage(content: CampaignContent, locale: Locale): Promise<RenderedCampaignMessage> {
  const t = getTranslator(locale, 'campaigns');
  const markdown = content.body[locale] ?? '';
  const subject = content.subject[locale] ?? '';
  const element = createElement(CampaignMessageEmail, {
    locale,
    bodyHtml: markdownToMailHtml(markdown),
    preview: previewOf(markdown),
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
    preferencesUrl: PREFERENCES_PLACEHOLDER,
    t,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const prefix = content.subjectPrefix?.trim();
  return {
    locale,
    subject: prefix ? `${prefix} ${subject}` : subject,
    html,
    text,
    ...(content.useNeutralSender ? { fromName: t('mail.neutralSender') } : {}),
  };
}

/** Every written language of a campaign, rendered once when it starts. */
export async function renderCampaignMessages(content: CampaignContent, locales: readonly Locale[]): Promise<RenderedCampaignMessage[]> {
  return Promise.all(locales.map((locale) => renderCampaignMessage(content, locale)));
}
