import { defineJob, NUDGED_RUN, scheduledSweep } from '@/lib/jobs/define-job';
import { expirePendingSignatures } from '@/lib/petitions/expire-pending-signatures';
import { announceReachedMilestones, NotifyJobSchema, sendUpdateBatch } from '@/lib/petitions/notify-signers';
import { reconcileCounts } from '@/lib/petitions/reconcile-counts';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';

/** Confirmation mails, nudged after each signature. */
export const petitionMailJob = defineJob({
  name: 'petitions.mail',
  ...NUDGED_RUN,
  handler: async () => sendSignatureMails(),
});

/** Every minute: prove the counters, drop expired pending signatures, announce milestones. */
export const petitionMaintenanceJob = defineJob({
  name: 'petitions.maintenance',
  ...scheduledSweep('* * * * *', { expireInSeconds: 600, deleteAfterSeconds: 3600 }),
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
