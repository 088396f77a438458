import { deleteExpiredAuthRecords } from '@/lib/auth/end-session';
import { defineJob, scheduledSweep } from '@/lib/jobs/define-job';
import { deleteExpiredRateLimitWindows } from '@/lib/rate-limit';

/** Hourly: drops expired sessions, sign-in tokens and rate-limit windows, which nothing reads again. */
export const housekeepingJob = defineJob({
  name: 'housekeeping',
  ...scheduledSweep('17 * * * *', { expireInSeconds: 300, deleteAfterSeconds: 24 * 3600 }),
  handler: async () => {
    await deleteExpiredRateLimitWindows();
    await deleteExpiredAuthRecords();
  },
});
