import { deleteExpiredAuthRecords } from '@/lib/auth/end-session';
import { defineJob, NoPayloadSchema } from '@/lib/jobs/define-job';
import { deleteExpiredRateLimitWindows } from '@/lib/rate-limit';

/** Hourly: drops expired sessions, sign-in tokens and rate-limit windows, which nothing reads again. */
export const housekeepingJob = defineJob({
  name: 'housekeeping',
  payload: NoPayloadSchema,
  queue: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 24 * 3600 },
  cron: '17 * * * *',
  handler: async () => {
    await deleteExpiredRateLimitWindows();
    await deleteExpiredAuthRecords();
  },
});
