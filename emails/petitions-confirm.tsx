import { Heading, Link, Text } from '@react-email/components';
import { ActionButton, EmailLayout, type MailTranslate } from '@/emails/layout';

export type PetitionConfirmEmailProps = {
  petitionTitle: string;
  confirmUrl: string;
  withdrawUrl: string;
  locale: string;
  t: MailTranslate;
  mailT: MailTranslate;
  discreet: boolean;
};

export function petitionConfirmSubject(t: MailTranslate, petitionTitle: string): string {
  return t('mail.confirm.subject', { title: petitionTitle });
}

/** Double opt-in: the button leads to a page whose own button confirms (a POST), never the GET. */
export default function PetitionConfirmEmail({
  petitionTitle,
  confirmUrl,
  withdrawUrl,
  locale,
  t,
  mailT,
  discreet,
}: PetitionConfirmEmailProps) {
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={t('mail.confirm.preview')} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('mail.confirm.heading')}
      </Heading>
      <Text>{t('mail.confirm.body', { title: petitionTitle })}</Text>
      <ActionButton href={confirmUrl} label={t('mail.confirm.button')} fallback={t('mail.fallback')} />
      <Text>
        {t('mail.confirm.notMe')} <Link href={withdrawUrl}>{withdrawUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
