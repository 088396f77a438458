import { db } from '@/lib/db';
import { nextRunOfExclusiveJob } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';

/** Mail still waiting after this long is "stuck": normal delivery takes seconds. */
export const STUCK_AFTER_MS = 5 * 60_000;
/** Failed and uncertain mail of this many recent days is listed. */
export const FAILED_SHOWN_DAYS = 7;

export type MailHealthStatus = 'PENDING' | 'FAILED' | 'UNCERTAIN';

export type MailHealthRow = {
  id: string;
  /** Masked: organizers see that a mail is stuck, not whose it is. */
  to: string;
  template: string;
  status: MailHealthStatus;
  createdAt: Date;
  attempts: number;
  lastAttemptAt: Date | null;
  /** The server's reply or the connection error (stored without the addresses it quoted, lib/mailer/redact.ts). */
  reason: string | null;
  /** When the queue tries it next (null: not scheduled, e.g. final). */
  nextAttemptAt: Date | null;
};

export type MailHealth = {
  counts: { waiting: number; stuck: number; failed: number; uncertain: number; sentLastDay: number };
  stuck: MailHealthRow[];
  failed: MailHealthRow[];
};

/** aigerim@mail.example.org → a***@m***.org */
export function maskAddress(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  const labels = domain.split('.');
  const tld = labels.length > 1 ? `.${labels.at(-1)}` : '';
  return `${local.slice(0, 1)}***@${(labels[0] ?? '').slice(0, 1)}***${tld}`;
}

type RawRow = Omit<MailHealthRow, 'to' | 'reason'> & { toAddressSealed: string; lastError: string | null };

async function findRows(where: string, order: string, values: unknown[], limit: number): Promise<MailHealthRow[]> {
  const rows = await db.$queryRawUnsafe<RawRow[]>(
    `SELECT m.id, m."toAddressSealed", m.template, m.status::text AS status, m."createdAt", m.attempts, m."lastAttemptAt",
            m."lastError", ${nextRunOfExclusiveJob('mail.send', 'm.id')} AS "nextAttemptAt"
       FROM "OutboundMail" m
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${Number(limit)}`,
    ...values,
  );
  const ring = await keyring();
  return rows.map(({ toAddressSealed, lastError, ...row }) => ({
    ...row,
    to: maskAddress(ring.open('email', toAddressSealed)),
    reason: lastError,
  }));
}

function failedSince(now: Date): Date {
  return new Date(now.getTime() - FAILED_SHOWN_DAYS * 24 * 3600_000);
}

/** Mail that failed or may not have arrived in the last FAILED_SHOWN_DAYS (the (status, createdAt) index). */
export async function countRecentFailedMail(now: Date): Promise<{ failed: number; uncertain: number }> {
  const since = failedSince(now);
  const [failed, uncertain] = await Promise.all([
    db.outboundMail.count({ where: { status: 'FAILED', createdAt: { gte: since } } }),
    db.outboundMail.count({ where: { status: 'UNCERTAIN', createdAt: { gte: since } } }),
  ]);
  return { failed, uncertain };
}

/**
 * For the console's mail health page: mail waiting longer than it should (with why and when it is
 * tried next) and mail that failed or may not have arrived, recently. Addresses are masked.
 */
export async function findMailHealth(options: { now?: Date; limit?: number; stuckAfterMs?: number } = {}): Promise<MailHealth> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 100;
  const stuckBefore = new Date(now.getTime() - (options.stuckAfterMs ?? STUCK_AFTER_MS));
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);

  const [waiting, stuckCount, recentFailures, sentLastDay, stuck, failed] = await Promise.all([
    db.outboundMail.count({ where: { status: 'PENDING' } }),
    db.outboundMail.count({ where: { status: 'PENDING', createdAt: { lt: stuckBefore } } }),
    countRecentFailedMail(now),
    db.outboundMail.count({ where: { status: 'SENT', createdAt: { gte: dayAgo } } }),
    findRows(`m.status = 'PENDING' AND m."createdAt" < $1`, 'm."createdAt"', [stuckBefore], limit),
    findRows(`m.status IN ('FAILED', 'UNCERTAIN') AND m."createdAt" >= $1`, 'm."createdAt" DESC', [failedSince(now)], limit),
  ]);
  return {
    counts: { waiting, stuck: stuckCount, ...recentFailures, sentLastDay },
    stuck,
    failed,
  };
}
