/**
 * `npm run worker`: the job workers as their own process, for when the web servers run with
 * WORKER_IN_PROCESS=false (and the process `npm start` runs beside Next.js). Needs DATABASE_URL and
 * SMTP_URL like the web server. With UNSUBSCRIBE_MAILBOX_PORT it also receives unsubscribe mail.
 */
import { env } from '../lib/env';
import { registerWorkers, unregisterWorkers } from '../lib/jobs/register-workers';
import { keyring } from '../lib/security/personal-data';
import type { RunningSmtpReceiver } from '../lib/smtp-receiver';
import { unsubscribeMailbox } from '../lib/unsubscribe/tokens';
import { startUnsubscribeMailbox } from '../lib/unsubscribe/unsubscribe-mailbox';
import { log } from '../lib/log';

const workerLog = log.child({ component: 'worker' });

let stopping = false;
let mailbox: RunningSmtpReceiver | undefined;

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  workerLog.info({ signal }, 'finishing jobs in hand…');
  try {
    await mailbox?.stop();
    await unregisterWorkers();
    workerLog.info('stopped');
    process.exit(0);
  } catch (error) {
    workerLog.error({ err: error }, 'stop failed');
    process.exit(1);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));

async function start() {
  await keyring();
  await registerWorkers();
  if (env.UNSUBSCRIBE_MAILBOX_PORT) {
    mailbox = await startUnsubscribeMailbox({ port: env.UNSUBSCRIBE_MAILBOX_PORT, host: env.UNSUBSCRIBE_MAILBOX_HOST });
    workerLog.info({ mailbox: unsubscribeMailbox(), host: env.UNSUBSCRIBE_MAILBOX_HOST, port: mailbox.port }, 'receiving unsubscribe mail');
  }
}

start().then(
  () => workerLog.info('running: mail delivery and the outbox sweeper'),
  (error: unknown) => {
    workerLog.fatal({ err: error }, 'could not start');
    process.exit(1);
  },
);
