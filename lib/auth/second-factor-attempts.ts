import { hit } from '@/lib/rate-limit';
import { AppError } from '@/lib/errors';

/** Codes typed per organizer in 15 minutes, right or wrong: a six-digit code cannot be guessed in 10 tries. */
const ATTEMPTS_PER_WINDOW = 10;
const WINDOW_SECONDS = 15 * 60;

/** Counts one second-factor attempt (code, recovery code or passkey) and refuses past the limit. */
export async function countSecondFactorAttempt(userId: string, now: Date = new Date()): Promise<void> {
  const { allowed } = await hit(`second-factor:${userId}`, ATTEMPTS_PER_WINDOW, WINDOW_SECONDS, now);
  if (!allowed) throw new AppError('RATE_LIMITED', { messageKey: 'secondFactorRateLimited' });
}
