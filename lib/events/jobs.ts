import { defineJob, NoPayloadSchema, NUDGED_RUN } from '@/lib/jobs/define-job';
import { notifyAttendees } from '@/lib/events/notify-attendees';
import { sendReminders } from '@/lib/events/send-reminders';
import { sendRsvpMails } from '@/lib/events/send-rsvp-mails';

/** RSVP mails and change/cancel notices, nudged after each change. */
export const eventsMailJob = defineJob({
  name: 'events.mail',
  ...NUDGED_RUN,
  handler: async () => ({ rsvpMails: await sendRsvpMails(), notices: await notifyAttendees() }),
});

/** Reminders the day before: every 10 minutes; each attendee is claimed once (lib/events/send-reminders.ts). */
export const eventsRemindersJob = defineJob({
  name: 'events.reminders',
  payload: NoPayloadSchema,
  queue: { policy: 'exclusive', retryLimit: 2, expireInSeconds: 600, deleteAfterSeconds: 3600 },
  cron: '*/10 * * * *',
  handler: async () => ({ reminders: await sendReminders() }),
});
