import { enqueue, type QueueName } from '@/lib/queue';

const pending = new Map<QueueName, NodeJS.Timeout>();

/**
 * Asks a job that also runs every minute to run soon. Debounced per process and queue (one enqueue
 * per 250 ms, whatever the rate of answers) and best effort: the rows themselves say which mails
 * are owed, so a lost nudge only delays a mail until the next minute.
 */
export function nudgeJob(queue: QueueName): void {
  if (pending.has(queue)) return;
  const timer = setTimeout(() => {
    pending.delete(queue);
    enqueue(queue, {}).catch((error: unknown) => console.error(`[${queue}] nudge failed`, error));
  }, 250);
  timer.unref();
  pending.set(queue, timer);
}
