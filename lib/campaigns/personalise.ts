import type { Locale } from '@/lib/generated/prisma/enums';

/** Placeholders the per-recipient links replace; URL-safe so rendering leaves them intact. */
export const UNSUBSCRIBE_PLACEHOLDER = 'https://dauys.invalid/__UNSUBSCRIBE__';
export const PREFERENCES_PLACEHOLDER = 'https://dauys.invalid/__PREFERENCES__';

export type RenderedCampaignMessage = {
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  /** The neutral sender name in this language, when the campaign asks for one. */
  fromName?: string;
};

export function personalise(
  message: RenderedCampaignMessage,
  links: { unsubscribeUrl: string; preferencesUrl: string },
): { subject: string; html: string; text: string } {
  const fill = (value: string) =>
    value.replaceAll(UNSUBSCRIBE_PLACEHOLDER, links.unsubscribeUrl).replaceAll(PREFERENCES_PLACEHOLDER, links.preferencesUrl);
  // In HTML attributes `&` is written `&amp;`; the links carry a query string.
  const fillHtml = (value: string) =>
    value
      .replaceAll(UNSUBSCRIBE_PLACEHOLDER, links.unsubscribeUrl.replaceAll('&', '&amp;'))
      .replaceAll(PREFERENCES_PLACEHOLDER, links.preferencesUrl.replaceAll('&', '&amp;'));
  return { subject: message.subject, html: fillHtml(message.html), text: fill(message.text) };
}
