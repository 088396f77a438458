import { enqueue } from '@/lib/queue';

let timer: NodeJS.Timeout | undefined;

/**
 * Asks the confirmation-mail job to run soon. Debounced per process (one enqueue per 250 ms,
 * whatever the signing rate) and best effort: the job also runs every minute, and the signature
 * rows themselves say which mails are due, so a lost nudge only delays a mail.
 */
export function nudgeMailer(): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    enqueue('petitions.mail', {}).catch((error: unknown) => console.error('[petitions] nudge failed', error));
  }, 250);
  timer.unref();
}
