import type { ReactElement } from 'react';
import type { MailTranslate } from '@/emails/layout';
import EventRsvpEmail, { eventRsvpSubject, type EventRsvpEmailProps } from '@/emails/events-rsvp';
import EventSubmissionEmail, { eventSubmissionSubject, type EventSubmissionEmailProps } from '@/emails/events-submission';
import type { Locale } from '@/lib/generated/prisma/enums';

type Context<P> = { props: P; locale: Locale; t: MailTranslate; mailT: MailTranslate; unsubscribe?: { url: string; topicLabel: string } };
type Definition<P> = {
  namespace: 'events';
  supportsTopic: boolean;
  subject: (context: Context<P>) => string;
  element: (context: Context<P>) => ReactElement;
};
const define = <P,>(definition: Definition<P>) => definition;

/** The events' mail templates, spread into MAIL_TEMPLATES (lib/mailer/templates.tsx). */
export const EVENT_MAIL_TEMPLATES = {
  'event-rsvp': define<EventRsvpEmailProps>({
    namespace: 'events',
    supportsTopic: false,
    subject: ({ t, props }) => eventRsvpSubject(t, props),
    element: ({ props, locale, t, mailT }) => <EventRsvpEmail {...props} locale={locale} t={t} mailT={mailT} />,
  }),
  'event-submission': define<EventSubmissionEmailProps>({
    namespace: 'events',
    supportsTopic: false,
    subject: ({ t, props }) => eventSubmissionSubject(t, props),
    element: ({ props, locale, t, mailT }) => <EventSubmissionEmail {...props} locale={locale} t={t} mailT={mailT} />,
  }),
};
