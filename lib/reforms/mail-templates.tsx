import ReformAlertEmail, { reformAlertSubject } from '@/emails/reforms-alert';
import ReformConfirmEmail, { reformConfirmSubject } from '@/emails/reforms-confirm';
import ReformDigestEmail, { reformDigestSubject, type ReformDigestItem } from '@/emails/reforms-digest';
import { defineTemplate } from '@/lib/mailer/define-template';
import type { ReformAlertProps } from '@/lib/reforms/alert-props';

type ConfirmProps = { confirmUrl: string; frequency: 'EACH' | 'WEEKLY'; reformTitle?: string };

/** The reform tracker's mail templates, spread into MAIL_TEMPLATES (lib/mailer/templates.tsx). */
export const REFORM_MAIL_TEMPLATES = {
  'reform-alert': defineTemplate<ReformAlertProps>({
    namespace: 'reforms',
    supportsTopic: true,
    subject: ({ t, props }) => reformAlertSubject(t, props),
    discreetSubject: () => 'news',
    element: ({ props, locale, t, mailT, unsubscribe, discreet }) => (
      <ReformAlertEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} unsubscribe={unsubscribe} />
    ),
  }),
  'reform-digest': defineTemplate<{ items: ReformDigestItem[] }>({
    namespace: 'reforms',
    supportsTopic: true,
    subject: ({ t, props }) => reformDigestSubject(t, props.items.length),
    discreetSubject: () => 'news',
    element: ({ props, locale, t, mailT, unsubscribe, discreet }) => (
      <ReformDigestEmail items={props.items} locale={locale} t={t} mailT={mailT} discreet={discreet} unsubscribe={unsubscribe} />
    ),
  }),
  // Its own subject names no reform, but says "reform": the neutral one says less.
  'reform-subscription-confirm': defineTemplate<ConfirmProps>({
    namespace: 'reforms',
    supportsTopic: false,
    subject: ({ t }) => reformConfirmSubject(t),
    discreetSubject: () => 'confirmEmail',
    element: ({ props, locale, t, mailT, discreet }) => (
      <ReformConfirmEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} />
    ),
  }),
};
