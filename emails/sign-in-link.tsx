import { Button, Heading, Link, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';

/** Translates a key of the `auth` namespace (the mailer passes getTranslator(locale, 'auth')). */
export type AuthTranslate = (key: string, values?: Record<string, string | number>) => string;

export type SignInLinkEmailProps = {
  /** The landing page link (never next-auth's consuming callback). */
  url: string;
  expiresInMinutes: number;
  locale: string;
  t: AuthTranslate;
  mailT: MailTranslate;
};

export function signInLinkSubject(t: AuthTranslate): string {
  return t('signInMail.subject');
}

export default function SignInLinkEmail({ url, expiresInMinutes, locale, t, mailT }: SignInLinkEmailProps) {
  return (
    <EmailLayout locale={locale} preview={t('signInMail.preview')} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('signInMail.heading')}
      </Heading>
      <Text>{t('signInMail.body', { minutes: expiresInMinutes })}</Text>
      <Button
        href={url}
        style={{ backgroundColor: '#5b2a86', color: '#ffffff', padding: '12px 20px', borderRadius: '6px' }}
      >
        {t('signInMail.button')}
      </Button>
      <Text>{t('signInMail.fallback')}</Text>
      <Text>
        <Link href={url}>{url}</Link>
      </Text>
      <Text style={{ color: '#4a4a4a' }}>{t('signInMail.ignore')}</Text>
    </EmailLayout>
  );
}
