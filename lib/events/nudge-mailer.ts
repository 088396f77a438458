import { enqueue } from '@/lib/queue';

let timer: NodeJS.Timeout | undefined;

/**
 * Asks the events mail job to run soon: debounced per process and best effort, since the job also
 * runs every minute and the RSVP rows themselves (mailPending) say which mails are owed.
 */
export function nudgeEventMailer(): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    enqueue('events.mail', {}).catch((error: unknown) => console.error('[events] nudge failed', error));
  }, 250);
  timer.unref();
}
