import PetitionAlreadySignedEmail, { petitionAlreadySignedSubject } from '@/emails/petitions-already-signed';
import PetitionConfirmEmail, { petitionConfirmSubject } from '@/emails/petitions-confirm';
import PetitionUpdateEmail, { petitionUpdateSubject, type PetitionUpdateKind } from '@/emails/petitions-update';
import { defineTemplate } from '@/lib/mailer/define-template';

type LinkProps = { petitionTitle: string; confirmUrl: string; withdrawUrl: string };
type UpdateProps = { kind: PetitionUpdateKind; petitionTitle: string; petitionUrl: string; milestone?: number; note?: string };

/** The petitions' mail templates, spread into MAIL_TEMPLATES (lib/mailer/templates.tsx). */
export const PETITION_MAIL_TEMPLATES = {
  'petition-confirm': defineTemplate<LinkProps>({
    namespace: 'petitions',
    supportsTopic: false,
    subject: ({ t, props }) => petitionConfirmSubject(t, props.petitionTitle),
    discreetSubject: () => 'confirmEmail',
    element: ({ props, locale, t, mailT, discreet }) => (
      <PetitionConfirmEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} />
    ),
  }),
  'petition-already-signed': defineTemplate<LinkProps>({
    namespace: 'petitions',
    supportsTopic: false,
    subject: ({ t, props }) => petitionAlreadySignedSubject(t, props.petitionTitle),
    discreetSubject: () => 'notice',
    element: ({ props, locale, t, mailT, discreet }) => (
      <PetitionAlreadySignedEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} />
    ),
  }),
  'petition-update': defineTemplate<UpdateProps>({
    namespace: 'petitions',
    supportsTopic: true,
    subject: ({ t, props }) => petitionUpdateSubject(t, props.kind, props.petitionTitle),
    discreetSubject: () => 'news',
    element: ({ props, locale, t, mailT, unsubscribe, discreet }) => (
      <PetitionUpdateEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} unsubscribe={unsubscribe} />
    ),
  }),
};
