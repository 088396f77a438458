import EventRsvpEmail, { eventRsvpSubject, type EventRsvpEmailProps, type EventRsvpMailKind } from '@/emails/events-rsvp';
import EventSubmissionEmail, {
  eventSubmissionSubject,
  type EventSubmissionEmailProps,
  type EventSubmissionMailKind,
} from '@/emails/events-submission';
import { defineTemplate, type NeutralSubject } from '@/lib/mailer/define-template';

const DISCREET_RSVP_SUBJECTS: Record<EventRsvpMailKind, NeutralSubject> = {
  'check-email': 'confirmEmail',
  change: 'confirmChange',
  confirmed: 'notice',
  promoted: 'notice',
  waitlisted: 'notice',
  reminder: 'reminder',
  changed: 'notice',
  cancelled: 'notice',
};

const DISCREET_SUBMISSION_SUBJECTS: Record<EventSubmissionMailKind, NeutralSubject> = {
  verify: 'confirmEmail',
  received: 'notice',
  approved: 'notice',
  rejected: 'notice',
};

/** The events' mail templates, spread into MAIL_TEMPLATES (lib/mailer/templates.tsx). */
export const EVENT_MAIL_TEMPLATES = {
  'event-rsvp': defineTemplate<EventRsvpEmailProps>({
    namespace: 'events',
    supportsTopic: false,
    subject: ({ t, props }) => eventRsvpSubject(t, props),
    discreetSubject: ({ props }) => DISCREET_RSVP_SUBJECTS[props.kind],
    element: ({ props, locale, t, mailT, discreet }) => (
      <EventRsvpEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} />
    ),
  }),
  'event-submission': defineTemplate<EventSubmissionEmailProps>({
    namespace: 'events',
    supportsTopic: false,
    subject: ({ t, props }) => eventSubmissionSubject(t, props),
    discreetSubject: ({ props }) => DISCREET_SUBMISSION_SUBJECTS[props.kind],
    element: ({ props, locale, t, mailT, discreet }) => (
      <EventSubmissionEmail {...props} locale={locale} t={t} mailT={mailT} discreet={discreet} />
    ),
  }),
};
