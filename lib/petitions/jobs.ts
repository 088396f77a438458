import type { JobDefinition } from '@/lib/queue';
import { QUEUES } from '@/lib/queue';
import { expirePendingSignatures } from '@/lib/petitions/expire-pending-signatures';
import { announceReachedMilestones, sendUpdateBatch, type NotifyJobData } from '@/lib/petitions/notify-signers';
import { reconcileCounts } from '@/lib/petitions/reconcile-counts';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';

/** Confirmation mails: nudged after each signature, and every minute in case a nudge was lost. */
export const petitionMailJob = {
  name: QUEUES.petitionMail,
  handler: async () => sendSignatureMails(),
  work: { pollingIntervalSeconds: 1 },
  cron: '* * * * *',
} satisfies JobDefinition;

/** Every minute: prove the counters, drop expired pending signatures, announce milestones. */
export const petitionMaintenanceJob = {
  name: QUEUES.petitionMaintenance,
  handler: async () => {
    const reconciled = await reconcileCounts();
    const expired = await expirePendingSignatures();
    const milestones = await announceReachedMilestones();
    return { reconciled: reconciled.length, expired, milestones };
  },
  cron: '* * * * *',
} satisfies JobDefinition;

export const petitionNotifyJob = {
  name: QUEUES.petitionNotify,
  handler: async (jobs) => {
    for (const job of jobs) await sendUpdateBatch(job.data);
  },
} satisfies JobDefinition<NotifyJobData>;
