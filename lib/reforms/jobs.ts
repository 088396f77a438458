import { defineJob, NoPayloadSchema } from '@/lib/jobs/define-job';
import { FanOutJobSchema, resumeFanOuts, runFanOut } from '@/lib/reforms/fan-out';
import { sendWeeklyDigests } from '@/lib/reforms/send-digests';

/**
 * A stage's alerts (nudged when it is recorded) and, every minute, any fan-out left unfinished.
 * short: one queued run per stage (singletonKey), any number active; the ledger makes overlaps safe.
 */
export const reformsFanOutJob = defineJob({
  name: 'reforms.fanout',
  payload: FanOutJobSchema,
  queue: { policy: 'short', retryLimit: 3, expireInSeconds: 1800, deleteAfterSeconds: 24 * 3600 },
  work: { localConcurrency: 2, pollingIntervalSeconds: 1 },
  cron: '* * * * *',
  handler: async (job) => {
    if (job.data.stageId) await runFanOut(job.data.stageId);
    else await resumeFanOuts();
  },
});

/** Mondays 04:00 UTC = 09:00 in Kazakhstan. */
export const reformsDigestJob = defineJob({
  name: 'reforms.digest',
  payload: NoPayloadSchema,
  queue: { policy: 'exclusive', retryLimit: 3, retryDelay: 60, expireInSeconds: 3600, deleteAfterSeconds: 7 * 24 * 3600 },
  cron: '0 4 * * 1',
  handler: async () => sendWeeklyDigests(),
});
