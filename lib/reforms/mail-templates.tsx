import type { ReactElement } from 'react';
import type { MailTranslate } from '@/emails/layout';
import ReformAlertEmail, { reformAlertSubject } from '@/emails/reforms-alert';
import ReformConfirmEmail, { reformConfirmSubject } from '@/emails/reforms-confirm';
import ReformDigestEmail, { reformDigestSubject, type ReformDigestItem } from '@/emails/reforms-digest';
import type { Locale } from '@/lib/generated/prisma/enums';
import type { ReformAlertProps } from '@/lib/reforms/alert-props';

type Context<P> = { props: P; locale: Locale; t: MailTranslate; mailT: MailTranslate; unsubscribe?: { url: string; topicLabel: string } };
type Definition<P> = {
  namespace: 'reforms';
  supportsTopic: boolean;
  subject: (context: Context<P>) => string;
  element: (context: Context<P>) => ReactElement;
};
const define = <P,>(definition: Definition<P>) => definition;

type ConfirmProps = { confirmUrl: string; frequency: 'EACH' | 'WEEKLY'; reformTitle?: string };

/** The reform tracker's mail templates, spread into MAIL_TEMPLATES (lib/mailer/templates.tsx). */
export const REFORM_MAIL_TEMPLATES = {
  'reform-alert': define<ReformAlertProps>({
    namespace: 'reforms',
    supportsTopic: true,
    subject: ({ t, props }) => reformAlertSubject(t, props),
    element: ({ props, locale, t, mailT, unsubscribe }) => (
      <ReformAlertEmail {...props} locale={locale} t={t} mailT={mailT} unsubscribe={unsubscribe} />
    ),
  }),
  'reform-digest': define<{ items: ReformDigestItem[] }>({
    namespace: 'reforms',
    supportsTopic: true,
    subject: ({ t, props }) => reformDigestSubject(t, props.items.length),
    element: ({ props, locale, t, mailT, unsubscribe }) => (
      <ReformDigestEmail items={props.items} locale={locale} t={t} mailT={mailT} unsubscribe={unsubscribe} />
    ),
  }),
  'reform-subscription-confirm': define<ConfirmProps>({
    namespace: 'reforms',
    supportsTopic: false,
    subject: ({ t }) => reformConfirmSubject(t),
    element: ({ props, locale, t, mailT }) => <ReformConfirmEmail {...props} locale={locale} t={t} mailT={mailT} />,
  }),
};
