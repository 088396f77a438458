import OrganizerInvitationEmail, { organizerInvitationSubject } from '@/emails/organizer-invitation';
import SignInLinkEmail, { signInLinkSubject } from '@/emails/sign-in-link';
import TestMessageEmail, { testMessageSubject } from '@/emails/test-message';
import { CAMPAIGN_MAIL_TEMPLATES } from '@/lib/campaigns/mail-templates';
import { defineTemplate, type TemplateDefinition } from '@/lib/mailer/define-template';
import { PETITION_MAIL_TEMPLATES } from '@/lib/petitions/mail-templates';
import { EVENT_MAIL_TEMPLATES } from '@/lib/events/mail-templates';
import { REFORM_MAIL_TEMPLATES } from '@/lib/reforms/mail-templates';

/*
 * Every message the app sends, by name. Props are stored as JSON on the OutboundMail row so a lost
 * job can be rendered again: keep them plain (strings, numbers, booleans).
 */
export const MAIL_TEMPLATES = {
  ...PETITION_MAIL_TEMPLATES,
  ...EVENT_MAIL_TEMPLATES,
  ...REFORM_MAIL_TEMPLATES,
  ...CAMPAIGN_MAIL_TEMPLATES,
  'test-message': defineTemplate<{ requestedBy?: string }>({
    namespace: 'mail',
    supportsTopic: true,
    subject: ({ t }) => testMessageSubject(t),
    discreetSubject: 'names-nothing',
    element: ({ props, locale, t, unsubscribe, discreet }) => (
      <TestMessageEmail locale={locale} t={t} requestedBy={props.requestedBy} unsubscribe={unsubscribe} discreet={discreet} />
    ),
  }),
  'sign-in-link': defineTemplate<{ url: string; expiresInMinutes: number }>({
    namespace: 'auth',
    supportsTopic: false,
    subject: ({ t }) => signInLinkSubject(t),
    discreetSubject: 'names-nothing',
    element: ({ props, locale, t, mailT, discreet }) => (
      <SignInLinkEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} />
    ),
  }),
  'organizer-invitation': defineTemplate<{ loginUrl: string; inviterEmail: string; role: 'ADMIN' | 'ORGANIZER' }>({
    namespace: 'auth',
    supportsTopic: false,
    subject: ({ t }) => organizerInvitationSubject(t),
    discreetSubject: 'names-nothing',
    element: ({ props, locale, t, mailT, discreet }) => (
      <OrganizerInvitationEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} />
    ),
  }),
} satisfies Record<string, TemplateDefinition<never>>;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;

export type MailTemplateProps<N extends MailTemplateName> = (typeof MAIL_TEMPLATES)[N] extends TemplateDefinition<infer P> ? P : never;

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(MAIL_TEMPLATES, name);
}
