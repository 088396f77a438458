import { startDueCampaigns } from '@/lib/campaigns/schedule-campaign';
import { nextRetryDue } from '@/lib/campaigns/sender/finish-campaign';
import { runCampaignSender } from '@/lib/campaigns/sender/run-campaign-sender';
import { wakeCampaignSender } from '@/lib/campaigns/wake-sender';
import { defineJob, NoPayloadSchema, scheduledSweep } from '@/lib/jobs/define-job';

/** A sender run is a slice shorter than the queue's 15-minute expiry; it re-queues itself when work is left. */
const RUN_SLICE_MS = 10 * 60_000;

/**
 * One job runs the sender for every sending campaign (the sender lock keeps it to one process);
 * pg-boss only starts runs, it never carries individual messages. stately: one sender run at a time
 * plus one queued wake-up (docs/decisions/0005-campaign-sending.md).
 */
export const campaignSendJob = defineJob({
  name: 'campaigns.send',
  payload: NoPayloadSchema,
  queue: { policy: 'stately', retryLimit: 0, expireInSeconds: 900, deleteAfterSeconds: 3600 },
  work: { pollingIntervalSeconds: 2 },
  handler: async () => {
    const result = await runCampaignSender({ maxRunMs: RUN_SLICE_MS });
    if (result.outcome === 'time-slice') await wakeCampaignSender();
    return result;
  },
});

/**
 * Every minute: start scheduled campaigns that are due, and wake the sender when a campaign has
 * due rows (after a restart, an hourly-limit pause, or retries whose backoff ended).
 */
export const campaignTickJob = defineJob({
  name: 'campaigns.tick',
  ...scheduledSweep('* * * * *', { expireInSeconds: 300, deleteAfterSeconds: 3600 }),
  handler: async () => {
    const started = await startDueCampaigns();
    const due = await nextRetryDue();
    if (started.length > 0 || (due && due.getTime() <= Date.now())) await wakeCampaignSender();
    return { started: started.length };
  },
});
