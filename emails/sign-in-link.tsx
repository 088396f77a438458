import { Heading, Text } from '@react-email/components';
import { ActionButton, EmailLayout, type MailTranslate } from '@/emails/layout';

/** Translates a key of the `auth` namespace (the mailer passes getTranslator(locale, 'auth')). */
export type AuthTranslate = (key: string, values?: Record<string, string | number>) => string;

export type SignInLinkEmailProps = {
  /** The landing page link (never next-auth's consuming callback). */
  url: string;
  expiresInMinutes: number;
  locale: string;
  t: AuthTranslate;
  mailT: MailTranslate;
  discreet: boolean;
};

export function signInLinkSubject(t: AuthTranslate): string {
  return t('signInMail.subject');
}

export default function SignInLinkEmail({ url, expiresInMinutes, locale, t, mailT, discreet }: SignInLinkEmailProps) {
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={t('signInMail.preview')} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('signInMail.heading')}
      </Heading>
      <Text>{t('signInMail.body', { minutes: expiresInMinutes })}</Text>
      <ActionButton href={url} label={t('signInMail.button')} fallback={t('signInMail.fallback')} />
      <Text style={{ color: '#4a4a4a' }}>{t('signInMail.ignore')}</Text>
    </EmailLayout>
  );
}
