import { deleteExpiredAuthRecords } from '@/lib/auth/end-session';
import { expireUnconfirmedEventRecords } from '@/lib/events/expire-unconfirmed';
import { defineJob, scheduledSweep } from '@/lib/jobs/define-job';
import { deleteExpiredRateLimitWindows } from '@/lib/rate-limit';
import { applyRetention } from '@/lib/retention/apply-retention';

/**
 * Hourly: drops expired sessions, sign-in tokens and rate-limit windows, which nothing reads again,
 * and RSVPs and event submissions nobody confirmed; then applies the retention periods
 * (lib/retention/apply-retention.ts), after the expiry so pending rows go rather than stay anonymised.
 */
export const housekeepingJob = defineJob({
  name: 'housekeeping',
  ...scheduledSweep('17 * * * *', { expireInSeconds: 300, deleteAfterSeconds: 24 * 3600 }),
  handler: async () => {
    await deleteExpiredRateLimitWindows();
    await deleteExpiredAuthRecords();
    await expireUnconfirmedEventRecords();
    return applyRetention();
  },
});
