import { Heading, Text } from '@react-email/components';
import { ActionButton, EmailLayout, type MailTranslate } from '@/emails/layout';

export type ReformConfirmEmailProps = {
  confirmUrl: string;
  frequency: 'EACH' | 'WEEKLY';
  reformTitle?: string;
  locale: string;
  t: MailTranslate;
  mailT: MailTranslate;
  discreet: boolean;
};

export function reformConfirmSubject(t: MailTranslate): string {
  return t('mail.confirm.subject');
}

/** Double opt-in: the button opens a page whose own button confirms (a POST), never the GET. */
export default function ReformConfirmEmail({ confirmUrl, frequency, reformTitle, locale, t, mailT, discreet }: ReformConfirmEmailProps) {
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={t('mail.confirm.preview')} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('mail.confirm.heading')}
      </Heading>
      <Text>
        {reformTitle ? t('mail.confirm.bodyOne', { title: reformTitle }) : t('mail.confirm.bodyAll')} {t(`frequency.${frequency}`)}
      </Text>
      <ActionButton href={confirmUrl} label={t('mail.confirm.button')} fallback={t('mail.fallback')} />
      <Text>{t('mail.confirm.notMe')}</Text>
    </EmailLayout>
  );
}
