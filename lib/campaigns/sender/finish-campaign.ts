import { db } from '@/lib/db';

/**
 * Marks a SENDING campaign SENT once no row is PENDING or SENDING, storing its final totals.
 * Returns true when it did.
 */
export async function finishCampaignIfDone(campaignId: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "EmailCampaign" c
    SET status = 'SENT', "finishedAt" = now(), "updatedAt" = now(),
        "sentCount" = t.sent, "failedCount" = t.failed, "skippedCount" = t.skipped
    FROM (
      SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent,
             count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
             count(*) FILTER (WHERE status = 'SKIPPED')::int AS skipped,
             count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS open
      FROM "CampaignRecipient" WHERE "campaignId" = ${campaignId}
    ) t
    WHERE c.id = ${campaignId} AND c.status = 'SENDING' AND t.open = 0`;
  return updated > 0;
}

/** The earliest moment a PENDING row of a sending campaign becomes due, or null if none waits. */
export async function nextRetryDue(): Promise<Date | null> {
  const rows = await db.$queryRaw<Array<{ due: Date | null }>>`
    SELECT min(COALESCE(r."nextAttemptAt", now())) AS due
    FROM "CampaignRecipient" r JOIN "EmailCampaign" c ON c.id = r."campaignId"
    WHERE c.status = 'SENDING' AND r.status = 'PENDING'`;
  return rows[0]?.due ?? null;
}
