import { defineJob, NoPayloadSchema } from '@/lib/jobs/define-job';
import { expirePendingSignatures } from '@/lib/petitions/expire-pending-signatures';
import { announceReachedMilestones, NotifyJobSchema, sendUpdateBatch } from '@/lib/petitions/notify-signers';
import { reconcileCounts } from '@/lib/petitions/reconcile-counts';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';

/**
 * Confirmation mails: nudged after each signature, and every minute in case a nudge was lost.
 * stately: one queued + one running, so a nudge during a run still gets the newest signatures mailed.
 * A run that overruns its expiry is retried beside the live one: runs claim rows with SKIP LOCKED.
 */
export const petitionMailJob = defineJob({
  name: 'petitions.mail',
  payload: NoPayloadSchema,
  queue: { policy: 'stately', retryLimit: 3, expireInSeconds: 180, deleteAfterSeconds: 3600 },
  work: { pollingIntervalSeconds: 1 },
  cron: '* * * * *',
  handler: async () => sendSignatureMails(),
});

/** Every minute: prove the counters, drop expired pending signatures, announce milestones. */
export const petitionMaintenanceJob = defineJob({
  name: 'petitions.maintenance',
  payload: NoPayloadSchema,
  queue: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 600, deleteAfterSeconds: 3600 },
  cron: '* * * * *',
  handler: async () => {
    const reconciled = await reconcileCounts();
    const expired = await expirePendingSignatures();
    const milestones = await announceReachedMilestones();
    return { reconciled: reconciled.length, expired, milestones };
  },
});

/** One batch of an update mail to opted-in signers; each batch queues the next. */
export const petitionNotifyJob = defineJob({
  name: 'petitions.notify',
  payload: NotifyJobSchema,
  queue: { policy: 'standard', retryLimit: 3, expireInSeconds: 900, deleteAfterSeconds: 7 * 24 * 3600 },
  handler: async (job) => {
    await sendUpdateBatch(job.data);
  },
});
