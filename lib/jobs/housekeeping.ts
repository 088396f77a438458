import { deleteExpiredAuthRecords } from '@/lib/auth/end-session';
import { deleteExpiredRateLimitWindows } from '@/lib/rate-limit';

/** Hourly: drops expired sessions, sign-in tokens and rate-limit windows, which nothing reads again. */
export async function handleHousekeepingJobs(): Promise<void> {
  await deleteExpiredRateLimitWindows();
  await deleteExpiredAuthRecords();
}
