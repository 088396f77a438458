import { Button, Heading, Link, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';
import type { AuthTranslate } from './sign-in-link';

export type OrganizerInvitationEmailProps = {
  /** The sign-in page in the invitation's language. */
  loginUrl: string;
  inviterEmail: string;
  role: 'ADMIN' | 'ORGANIZER';
  locale: string;
  t: AuthTranslate;
  mailT: MailTranslate;
};

export function organizerInvitationSubject(t: AuthTranslate): string {
  return t('invitationMail.subject');
}

export default function OrganizerInvitationEmail({ loginUrl, inviterEmail, role, locale, t, mailT }: OrganizerInvitationEmailProps) {
  return (
    <EmailLayout locale={locale} preview={t('invitationMail.preview', { inviter: inviterEmail })} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('invitationMail.heading')}
      </Heading>
      <Text>
        {t('invitationMail.body', { inviter: inviterEmail, role: t(`invitationMail.roles.${role}`) })}
      </Text>
      <Button
        href={loginUrl}
        style={{ backgroundColor: '#5b2a86', color: '#ffffff', padding: '12px 20px', borderRadius: '6px' }}
      >
        {t('invitationMail.button')}
      </Button>
      <Text>{t('invitationMail.fallback')}</Text>
      <Text>
        <Link href={loginUrl}>{loginUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
