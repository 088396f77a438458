import { JOBS } from '@/lib/jobs/definitions';
import { stopRelayWatch } from '@/lib/mailer/relay-watch';
import { startWorkers, stopWorkers } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';
import { closeSmtpTransport } from '@/lib/smtp-transport';

/**
 * Starts a worker for every job in this process; calling it again does nothing. The keyring is
 * loaded first: with a wrong or missing master key the workers do not start (KeyringError says
 * why) rather than fail every mail they pick up.
 */
export async function registerWorkers(): Promise<void> {
  await keyring();
  await startWorkers(JOBS);
}

/** Graceful stop: jobs in hand finish, then the queue and the SMTP pool close. */
export async function unregisterWorkers(): Promise<void> {
  await stopWorkers({ graceful: true });
  stopRelayWatch();
  closeSmtpTransport();
}
