import { Heading, Link, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';

export type PetitionAlreadySignedEmailProps = {
  petitionTitle: string;
  withdrawUrl: string;
  locale: string;
  t: MailTranslate;
  mailT: MailTranslate;
  discreet: boolean;
};

export function petitionAlreadySignedSubject(t: MailTranslate, petitionTitle: string): string {
  return t('mail.already.subject', { title: petitionTitle });
}

/** Someone signed again with an address whose signature is already confirmed: say so, nothing else. */
export default function PetitionAlreadySignedEmail({
  petitionTitle,
  withdrawUrl,
  locale,
  t,
  mailT,
  discreet,
}: PetitionAlreadySignedEmailProps) {
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={t('mail.already.preview')} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('mail.already.heading')}
      </Heading>
      <Text>{t('mail.already.body', { title: petitionTitle })}</Text>
      <Text>
        {t('mail.already.withdraw')} <Link href={withdrawUrl}>{withdrawUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
