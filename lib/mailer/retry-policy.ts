import { env } from '@/lib/env';

/**
 * How long and how often a temporarily failing mail is tried: pg-boss retries its job with back-off
 * from MAIL_RETRY_DELAY_SECONDS, doubling up to MAIL_RETRY_MAX_DELAY_SECONDS, and the mail is given up
 * once it has been queued for MAIL_RETRY_FOR_HOURS (the time decides, not a count of tries).
 */
export const MAIL_RETRY_POLICY = {
  firstDelaySeconds: env.MAIL_RETRY_DELAY_SECONDS,
  maxDelaySeconds: Math.max(env.MAIL_RETRY_DELAY_SECONDS, env.MAIL_RETRY_MAX_DELAY_SECONDS),
  retryForMs: Math.round(env.MAIL_RETRY_FOR_HOURS * 3600_000),
  /** Deadline of one delivery attempt, connection to answer. */
  sendTimeoutMs: env.MAIL_SEND_TIMEOUT_SECONDS * 1000,
};

/**
 * pg-boss counts retries, so its limit is set where the count can never run out before the time:
 * retry n waits at least min(max, first · 2ⁿ) (its jitter only adds), so this many fill the window.
 */
export function retryLimitCovering(policy: { firstDelaySeconds: number; maxDelaySeconds: number; retryForMs: number }): number {
  let waited = 0;
  let retries = 0;
  while (waited * 1000 < policy.retryForMs) {
    waited += Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(16, retries));
    retries += 1;
  }
  return retries + 1;
}

export function hasOutlivedRetryWindow(createdAt: Date, now = new Date()): boolean {
  return now.getTime() - createdAt.getTime() >= MAIL_RETRY_POLICY.retryForMs;
}

/** "72 h", "1.5 h", "30 s": the window as organizers read it in a failure reason. */
export function retryWindowLabel(): string {
  const hours = MAIL_RETRY_POLICY.retryForMs / 3600_000;
  return hours >= 1 ? `${Number(hours.toFixed(1))} h` : `${Math.round(MAIL_RETRY_POLICY.retryForMs / 1000)} s`;
}
