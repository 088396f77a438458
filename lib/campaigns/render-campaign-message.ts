import { render } from '@react-email/components';
import { createElement } from 'react';
import CampaignMessageEmail, { type CampaignsTranslate } from '@/emails/campaigns-message';
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
  return markdown
    .replace(/[#*_>`[\]()!-]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** The subject a recipient sees: the organizer's prefix, if any, then the subject. */
export function campaignSubject(subject: string, subjectPrefix?: string | null): string {
  const prefix = subjectPrefix?.trim();
  return prefix ? `${prefix} ${subject}` : subject;
}

/** One language of a campaign mail as a React element, with these footer links. */
export function campaignMessageElement(
  markdown: string,
  locale: Locale,
  t: CampaignsTranslate,
  links: { unsubscribeUrl: string; preferencesUrl: string },
) {
  return createElement(CampaignMessageEmail, { locale, bodyHtml: markdownToMailHtml(markdown), preview: previewOf(markdown), ...links, t });
}

/** Renders one language of a campaign once; `personalise` then fills in each recipient's links. */
export async function renderCampaignMessage(content: CampaignContent, locale: Locale): Promise<RenderedCampaignMessage> {
  const t = getTranslator(locale, 'campaigns');
  const element = campaignMessageElement(content.body[locale] ?? '', locale, t, {
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
    preferencesUrl: PREFERENCES_PLACEHOLDER,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    locale,
    subject: campaignSubject(content.subject[locale] ?? '', content.subjectPrefix),
    html,
    text,
    ...(content.useNeutralSender ? { fromName: t('mail.neutralSender') } : {}),
  };
}

/** Every written language of a campaign, rendered once when it starts. */
export async function renderCampaignMessages(content: CampaignContent, locales: readonly Locale[]): Promise<RenderedCampaignMessage[]> {
  return Promise.all(locales.map((locale) => renderCampaignMessage(content, locale)));
}
