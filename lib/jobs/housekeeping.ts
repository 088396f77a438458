import { deleteExpiredAuthRecords } from '@/lib/auth/end-session';
import { expireUnconfirmedEventRecords } from '@/lib/events/expire-unconfirmed';
import { deleteExpiredRateLimitWindows } from '@/lib/rate-limit';

/**
 * Hourly: drops expired sessions, sign-in tokens and rate-limit windows, which nothing reads again,
 * and RSVPs and event submissions nobody confirmed.
 */
export async function handleHousekeepingJobs(): Promise<void> {
  await deleteExpiredRateLimitWindows();
  await deleteExpiredAuthRecords();
  await expireUnconfirmedEventRecords();
}
