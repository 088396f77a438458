import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/generated/prisma/enums';
import { suppressionReasonSql } from '@/lib/campaigns/audience/suppressions';
import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';

/*
 * The per-recipient ledger's state changes. PENDING → SENDING (claimed) → SENT | FAILED, or back to
 * PENDING with a later nextAttemptAt after a temporary failure; SKIPPED when the person became
 * unmailable before their turn or the campaign was cancelled. Every change is one statement per batch.
 */

export const MAX_ATTEMPTS = 5;
/** Backoff after the n-th temporary failure: 30 s, 1 min, 2 min, 4 min… */
export const RETRY_BASE_SECONDS = 30;

export type ClaimedRecipient = { id: bigint; supporterId: string; email: string; locale: Locale; attempts: number };

/**
 * Claims up to `limit` due PENDING rows of a campaign. Rows whose supporter became unmailable since
 * the audience was materialised (unsubscribed, bounced, consent withdrawn) turn SKIPPED in the same
 * statement, with the reason, so an unsubscribe made during the send is honoured.
 */
export async function claimRecipients(campaignId: string, limit: number): Promise<ClaimedRecipient[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRaw<Array<Omit<ClaimedRecipient, 'email'> & { emailSealed: string; status: string }>>`
    WITH picked AS (
      SELECT r.id FROM "CampaignRecipient" r
      WHERE r."campaignId" = ${campaignId} AND r.status = 'PENDING'
        AND (r."nextAttemptAt" IS NULL OR r."nextAttemptAt" <= now())
      ORDER BY r.id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), judged AS (
      SELECT p.id, s."emailSealed", ${suppressionReasonSql()} AS reason
      FROM picked p
      JOIN "CampaignRecipient" r ON r.id = p.id
      JOIN "Supporter" s ON s.id = r."supporterId"
    )
    UPDATE "CampaignRecipient" r
    SET status = (CASE WHEN j.reason IS NULL THEN 'SENDING' ELSE 'SKIPPED' END)::"CampaignRecipientStatus",
        "claimedAt" = now(),
        "lastError" = COALESCE(j.reason, r."lastError")
    FROM judged j
    WHERE r.id = j.id
    RETURNING r.id, r."supporterId", r.locale::text AS locale, r.attempts, r.status::text AS status, j."emailSealed"`;
  const keys = await keyring();
  return rows
    .filter((row) => row.status === 'SENDING')
    .map((row) => ({
      id: row.id,
      supporterId: row.supporterId,
      email: keys.open('email', row.emailSealed),
      locale: row.locale,
      attempts: row.attempts,
    }));
}

function idArray(ids: bigint[]): Prisma.Sql {
  return Prisma.sql`${ids.map(String)}::bigint[]`;
}

export type SentRecipient = { id: bigint; messageId: string };

export async function markSent(sent: SentRecipient[]): Promise<void> {
  if (sent.length === 0) return;
  await db.$executeRaw`
    UPDATE "CampaignRecipient" r
    SET status = 'SENT', "sentAt" = now(), attempts = r.attempts + 1, "lastError" = NULL,
        "nextAttemptAt" = NULL, "messageId" = v.message_id
    FROM unnest(${idArray(sent.map((s) => s.id))}, ${sent.map((s) => s.messageId)}::text[]) AS v(id, message_id)
    WHERE r.id = v.id AND r.status = 'SENDING'`;
}

export type FailedRecipient = { id: bigint; error: string };

/** A temporary failure: back to PENDING after a backoff, or FAILED after MAX_ATTEMPTS. */
export async function markTemporaryFailures(failures: FailedRecipient[]): Promise<void> {
  if (failures.length === 0) return;
  await db.$executeRaw`
    UPDATE "CampaignRecipient" r
    SET attempts = r.attempts + 1,
        "lastError" = f.error,
        status = (CASE WHEN r.attempts + 1 >= ${MAX_ATTEMPTS} THEN 'FAILED' ELSE 'PENDING' END)::"CampaignRecipientStatus",
        "nextAttemptAt" = now() + make_interval(secs => ${RETRY_BASE_SECONDS} * power(2, r.attempts))
    FROM unnest(${idArray(failures.map((f) => f.id))}, ${failures.map((f) => f.error)}::text[]) AS f(id, error)
    WHERE r.id = f.id AND r.status = 'SENDING'`;
}

/** A permanent failure: FAILED, and the address is marked bounced so no later campaign tries it. */
export async function markPermanentFailures(failures: FailedRecipient[]): Promise<void> {
  if (failures.length === 0) return;
  await db.$transaction([
    db.$executeRaw`
      UPDATE "CampaignRecipient" r
      SET attempts = r.attempts + 1, "lastError" = f.error, status = 'FAILED', "nextAttemptAt" = NULL
      FROM unnest(${idArray(failures.map((f) => f.id))}, ${failures.map((f) => f.error)}::text[]) AS f(id, error)
      WHERE r.id = f.id AND r.status = 'SENDING'`,
    db.$executeRaw`
      UPDATE "Supporter" s
      SET "bouncedAt" = now(), "bounceReason" = f.error
      FROM unnest(${idArray(failures.map((f) => f.id))}, ${failures.map((f) => f.error)}::text[]) AS f(id, error)
      JOIN "CampaignRecipient" r ON r.id = f.id
      WHERE s.id = r."supporterId" AND s."bouncedAt" IS NULL`,
  ]);
}

/**
 * Rows left in SENDING were claimed by a sender that stopped before recording the outcome: they were
 * in flight at the crash, and each may or may not have reached the SMTP server. They go back to
 * PENDING, which may send those few a second copy, never skip anyone. Only the holder of the sender
 * lock calls this, so no live sender owns those rows.
 */
export async function releaseInFlight(): Promise<number> {
  return db.$executeRaw`
    UPDATE "CampaignRecipient" SET status = 'PENDING', "claimedAt" = NULL WHERE status = 'SENDING'`;
}
