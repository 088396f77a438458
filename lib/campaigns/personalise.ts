import type { Locale } from '@/lib/generated/prisma/enums';
import { fillLinks } from '@/lib/mailer/fill-links';

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
  const { subject, html, text } = fillLinks(message, [
    [UNSUBSCRIBE_PLACEHOLDER, links.unsubscribeUrl],
    [PREFERENCES_PLACEHOLDER, links.preferencesUrl],
  ]);
  return { subject, html, text };
}
