import type { ReactElement } from 'react';
import type { MailTranslate } from '@/emails/layout';
import PetitionAlreadySignedEmail, { petitionAlreadySignedSubject } from '@/emails/petitions-already-signed';
import PetitionConfirmEmail, { petitionConfirmSubject } from '@/emails/petitions-confirm';
import PetitionUpdateEmail, { petitionUpdateSubject, type PetitionUpdateKind } from '@/emails/petitions-update';
import type { Locale } from '@/lib/generated/prisma/enums';

type Context<P> = { props: P; locale: Locale; t: MailTranslate; mailT: MailTranslate; unsubscribe?: { url: string; topicLabel: string } };
type Definition<P> = {
  namespace: 'petitions';
  supportsTopic: boolean;
  subject: (context: Context<P>) => string;
  element: (context: Context<P>) => ReactElement;
};
const define = <P,>(definition: Definition<P>) => definition;

type LinkProps = { petitionTitle: string; confirmUrl: string; withdrawUrl: string };
type UpdateProps = { kind: PetitionUpdateKind; petitionTitle: string; petitionUrl: string; milestone?: number; note?: string };

/** The petitions' mail templates, spread into MAIL_TEMPLATES (lib/mailer/templates.tsx). */
export const PETITION_MAIL_TEMPLATES = {
  'petition-confirm': define<LinkProps>({
    namespace: 'petitions',
    supportsTopic: false,
    subject: ({ t, props }) => petitionConfirmSubject(t, props.petitionTitle),
    element: ({ props, locale, t, mailT }) => <PetitionConfirmEmail {...props} locale={locale} t={t} mailT={mailT} />,
  }),
  'petition-already-signed': define<LinkProps>({
    namespace: 'petitions',
    supportsTopic: false,
    subject: ({ t, props }) => petitionAlreadySignedSubject(t, props.petitionTitle),
    element: ({ props, locale, t, mailT }) => <PetitionAlreadySignedEmail {...props} locale={locale} t={t} mailT={mailT} />,
  }),
  'petition-update': define<UpdateProps>({
    namespace: 'petitions',
    supportsTopic: true,
    subject: ({ t, props }) => petitionUpdateSubject(t, props.kind, props.petitionTitle),
    element: ({ props, locale, t, mailT, unsubscribe }) => (
      <PetitionUpdateEmail {...props} locale={locale} t={t} mailT={mailT} unsubscribe={unsubscribe} />
    ),
  }),
};
