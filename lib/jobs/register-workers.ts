import { JOBS } from '@/lib/jobs/definitions';
import { stopRelayWatch } from '@/lib/mailer/relay-watch';
import { startWorkers, stopWorkers } from '@/lib/queue';
import { closeSmtpTransport } from '@/lib/smtp-transport';

/** Starts a worker for every job in this process; calling it again does nothing. */
export async function registerWorkers(): Promise<void> {
  await startWorkers(JOBS);
}

/** Graceful stop: jobs in hand finish, then the queue and the SMTP pool close. */
export async function unregisterWorkers(): Promise<void> {
  await stopWorkers({ graceful: true });
  stopRelayWatch();
  closeSmtpTransport();
}
