import { campaignMessageElement, campaignSubject } from '@/lib/campaigns/render-campaign-message';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/translator';
import { defineTemplate } from '@/lib/mailer/define-template';
import { readLocale } from '@/lib/validation';

/** One language of a draft, as stored on the outbox row. */
type CampaignTestProps = { subject: string; body: string; subjectPrefix: string; useNeutralSender: boolean };

/** The email campaigns' templates sent through the outbox, spread into MAIL_TEMPLATES (lib/mailer/templates.tsx). */
export const CAMPAIGN_MAIL_TEMPLATES = {
  /**
   * A draft as its recipients will see it, to the organizer. Its footer links point at the site
   * but carry no token: nobody can be unsubscribed by a test mail.
   */
  'campaign-test': defineTemplate<CampaignTestProps>({
    namespace: 'campaigns',
    supportsTopic: false,
    subject: ({ t, props }) => `${t('mail.testPrefix')} ${campaignSubject(props.subject, props.subjectPrefix)}`,
    fromName: ({ t, props }) => (props.useNeutralSender ? t('mail.neutralSender') : undefined),
    discreetSubject: 'campaign-settings',
    element: ({ props, locale }) => {
      const base = env.APP_URL.replace(/\/$/, '');
      const lang = readLocale(locale);
      return campaignMessageElement(props.body, lang, getTranslator(lang, 'campaigns'), {
        unsubscribeUrl: `${base}/${locale}/unsubscribe`,
        preferencesUrl: `${base}/${locale}/subscriptions`,
      });
    },
  }),
};
