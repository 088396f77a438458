import { Heading, Text } from '@react-email/components';
import { ActionButton, EmailLayout, type MailTranslate } from '@/emails/layout';
import type { AuthTranslate } from './sign-in-link';

export type OrganizerInvitationEmailProps = {
  /** The sign-in page in the invitation's language. */
  loginUrl: string;
  inviterEmail: string;
  role: 'ADMIN' | 'ORGANIZER';
  locale: string;
  t: AuthTranslate;
  mailT: MailTranslate;
  discreet: boolean;
};

export function organizerInvitationSubject(t: AuthTranslate): string {
  return t('invitationMail.subject');
}

export default function OrganizerInvitationEmail({
  loginUrl,
  inviterEmail,
  role,
  locale,
  t,
  mailT,
  discreet,
}: OrganizerInvitationEmailProps) {
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={t('invitationMail.preview', { inviter: inviterEmail })} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('invitationMail.heading')}
      </Heading>
      <Text>{t('invitationMail.body', { inviter: inviterEmail, role: t(`invitationMail.roles.${role}`) })}</Text>
      <ActionButton href={loginUrl} label={t('invitationMail.button')} fallback={t('invitationMail.fallback')} />
    </EmailLayout>
  );
}
