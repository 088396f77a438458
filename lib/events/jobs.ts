import type { JobDefinition } from '@/lib/queue';
import { QUEUES } from '@/lib/queue';
import { notifyAttendees } from '@/lib/events/notify-attendees';
import { sendReminders } from '@/lib/events/send-reminders';
import { sendRsvpMails } from '@/lib/events/send-rsvp-mails';

/** RSVP mails and change/cancel notices: nudged after each change, and every minute in case a nudge was lost. */
export const eventsMailJob = {
  name: QUEUES.eventsMail,
  handler: async () => ({ rsvpMails: await sendRsvpMails(), notices: await notifyAttendees() }),
  work: { pollingIntervalSeconds: 1 },
  cron: '* * * * *',
} satisfies JobDefinition;

/** Reminders the day before: every 10 minutes; each attendee is claimed once (lib/events/send-reminders.ts). */
export const eventsRemindersJob = {
  name: QUEUES.eventsReminders,
  handler: async () => ({ reminders: await sendReminders() }),
  cron: '*/10 * * * *',
} satisfies JobDefinition;
