import { defineJob, scheduledSweep } from '@/lib/jobs/define-job';
import { requeueStalledMail } from '@/lib/mailer';
import { log } from '@/lib/log';

/** Every minute: queues again mail whose job was lost (crash between commit and pick-up, a wiped queue). */
export const mailSweepJob = defineJob({
  name: 'mail.sweep',
  ...scheduledSweep('* * * * *', { expireInSeconds: 300, deleteAfterSeconds: 3600 }),
  handler: async () => {
    const { requeued, expired } = await requeueStalledMail();
    if (requeued || expired) log.info({ component: 'mail', job: 'mail.sweep', requeued, expired }, 'the sweeper re-queued stalled mail');
  },
});
