import { Body, Container, Head, Hr, Html, Link, Preview, Text } from '@react-email/components';
import type { Translator } from '@/lib/i18n/translator';

/** Translates a key of the `campaigns` namespace. */
export type CampaignsTranslate = Translator<'campaigns'>;

export type CampaignMessageEmailProps = {
  locale: string;
  /** The body, already converted from Markdown to safe HTML (lib/campaigns/markdown.ts). */
  bodyHtml: string;
  preview: string;
  /** Per-recipient links; the sender renders once per language with placeholders and fills them in. */
  unsubscribeUrl: string;
  preferencesUrl: string;
  t: CampaignsTranslate;
};

/** A campaign mail: the organizer's text, then why you get it and how to stop it. No images. */
export default function CampaignMessageEmail(props: CampaignMessageEmailProps) {
  const { locale, bodyHtml, preview, unsubscribeUrl, preferencesUrl, t } = props;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#ffffff', color: '#1a1a1a', fontFamily: 'Arial, sans-serif' }}>
        <Container style={{ maxWidth: '600px', padding: '24px' }}>
          <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          <Hr style={{ borderColor: '#d4d4d4', margin: '32px 0 16px' }} />
          <Text style={{ color: '#4a4a4a', fontSize: '13px', lineHeight: '20px' }}>{t('mail.why')}</Text>
          <Text style={{ color: '#4a4a4a', fontSize: '13px', lineHeight: '20px' }}>
            <Link href={unsubscribeUrl} style={{ color: '#4a4a4a', textDecoration: 'underline' }}>
              {t('mail.unsubscribe')}
            </Link>
            {' · '}
            <Link href={preferencesUrl} style={{ color: '#4a4a4a', textDecoration: 'underline' }}>
              {t('mail.preferences')}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
