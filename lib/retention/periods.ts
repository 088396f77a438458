import { env } from '@/lib/env';

/** How long each kind of personal data is kept (docs/operations.md, "Retention"). */
export type RetentionPeriods = {
  /** After the petition closes or is answered, whichever is later. */
  signatureMonths: number;
  /** After the event ends. */
  rsvpDays: number;
  /** After the signature was made. */
  ipDays: number;
  /** After a mail was sent, skipped or failed for good. */
  mailDays: number;
  caughtMailDays: number;
  /** After a job finished (pg-boss's own deleteAfterSeconds, capped in lib/queue.ts). */
  jobDays: number;
  /** After an import ended, or was uploaded and never run: its file and refused rows are deleted. */
  importDays: number;
};

export function retentionPeriods(): RetentionPeriods {
  return {
    signatureMonths: env.RETENTION_SIGNATURE_MONTHS,
    rsvpDays: env.RETENTION_RSVP_DAYS,
    ipDays: env.RETENTION_IP_DAYS,
    mailDays: env.RETENTION_MAIL_DAYS,
    caughtMailDays: env.RETENTION_CAUGHT_MAIL_DAYS,
    jobDays: env.RETENTION_JOB_DAYS,
    importDays: env.RETENTION_IMPORT_DAYS,
  };
}

/**
 * How long a queue keeps a finished job: its own setting, never longer than RETENTION_JOB_DAYS
 * (a setting of 0, pg-boss's "never", becomes the cap).
 */
export function finishedJobKeepSeconds(queueSetting: number | undefined): number {
  const cap = retentionPeriods().jobDays * 86_400;
  return queueSetting && queueSetting > 0 ? Math.min(queueSetting, cap) : cap;
}
