import { enqueue } from '@/lib/queue';
import { log } from '@/lib/log';

/** The jobs that run every minute and take a nudge (an empty payload) to run sooner. */
type NudgedJob = 'events.mail' | 'petitions.mail';

const pending = new Map<NudgedJob, NodeJS.Timeout>();

/**
 * Asks a job that also runs every minute to run soon. Debounced per process and queue (one enqueue
 * per 250 ms, whatever the rate of answers) and best effort: the rows themselves say which mails
 * are owed, so a lost nudge only delays a mail until the next minute.
 */
export function nudgeJob(queue: NudgedJob): void {
  if (pending.has(queue)) return;
  const timer = setTimeout(() => {
    pending.delete(queue);
    enqueue(queue, {}).catch((error: unknown) => log.error({ component: 'jobs', job: queue, err: error }, 'nudge failed'));
  }, 250);
  timer.unref();
  pending.set(queue, timer);
}
