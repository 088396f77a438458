import type { JobDefinition } from '@/lib/queue';
import { QUEUES } from '@/lib/queue';
import { resumeFanOuts, runFanOut, type FanOutJobData } from '@/lib/reforms/fan-out';
import { sendWeeklyDigests } from '@/lib/reforms/send-digests';

/** A stage's alerts (nudged when it is recorded) and, every minute, any fan-out left unfinished. */
export const reformsFanOutJob = {
  name: QUEUES.reformsFanOut,
  handler: async (jobs) => {
    for (const job of jobs) {
      if (job.data.stageId) await runFanOut(job.data.stageId);
      else await resumeFanOuts();
    }
  },
  work: { localConcurrency: 2, pollingIntervalSeconds: 1 },
  cron: '* * * * *',
} satisfies JobDefinition<FanOutJobData>;

/** Mondays 04:00 UTC = 09:00 in Kazakhstan. */
export const reformsDigestJob = {
  name: QUEUES.reformsDigest,
  handler: async () => sendWeeklyDigests(),
  cron: '0 4 * * 1',
} satisfies JobDefinition;
