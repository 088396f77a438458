import { handleSendMailJobs } from '@/lib/jobs/send-mail';
import { handleHousekeepingJobs } from '@/lib/jobs/housekeeping';
import { handleSweepOutboundMailJobs } from '@/lib/jobs/sweep-outbound-mail';
import type { MailJobData } from '@/lib/mailer';
import { QUEUES, startWorkers, stopWorkers, type JobDefinition } from '@/lib/queue';
import { stopRelayWatch } from '@/lib/mailer/relay-watch';
import { closeSmtpTransport } from '@/lib/smtp-transport';
import { petitionMailJob, petitionMaintenanceJob, petitionNotifyJob } from '@/lib/petitions/jobs';
import { eventsMailJob, eventsRemindersJob } from '@/lib/events/jobs';
import { campaignSendJob, campaignTickJob } from '@/lib/campaigns/jobs';
import { reformsDigestJob, reformsFanOutJob } from '@/lib/reforms/jobs';

/**
 * Every background job of the app. The web server (instrumentation.ts, WORKER_IN_PROCESS) and
 * `npm run worker` register exactly this list. Add a job here and its queue in lib/queue.ts.
 */
export const JOB_DEFINITIONS = [
  {
    name: QUEUES.mailSend,
    handler: handleSendMailJobs,
    work: { localConcurrency: 4, pollingIntervalSeconds: 1, batchSize: 10, burstWhenBatchFull: true, perJobResults: true },
  } satisfies JobDefinition<MailJobData>,
  {
    name: QUEUES.mailSweep,
    handler: handleSweepOutboundMailJobs,
    cron: '* * * * *',
  } satisfies JobDefinition,
  { name: QUEUES.housekeeping, handler: handleHousekeepingJobs, cron: '17 * * * *' } satisfies JobDefinition,
  petitionMailJob,
  petitionMaintenanceJob,
  petitionNotifyJob,
  eventsMailJob,
  eventsRemindersJob,
  campaignSendJob,
  campaignTickJob,
  reformsFanOutJob,
  reformsDigestJob,
] as const;

/** Starts every worker in this process; calling it again does nothing. */
export async function registerWorkers(): Promise<void> {
  await startWorkers(JOB_DEFINITIONS as unknown as JobDefinition<never>[]);
}

/** Graceful stop: jobs in hand finish, then the queue and the SMTP pool close. */
export async function unregisterWorkers(): Promise<void> {
  await stopWorkers({ graceful: true });
  stopRelayWatch();
  closeSmtpTransport();
}
