import { db } from '@/lib/db';
import { makeJobsDueNow } from '@/lib/queue';

/**
 * Makes every mail waiting for its next try due now; run when the relay answers again after an
 * outage, so mail does not sit out a back-off (up to MAIL_RETRY_MAX_DELAY_SECONDS) it no longer
 * needs. A mail greylisted by its recipient's server gets one early try, no more.
 */
export async function releaseHeldMail(limit = 5000): Promise<number> {
  const waiting = await db.outboundMail.findMany({
    where: { status: 'PENDING', handedToSmtpAt: null, lastError: { not: null } },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  return makeJobsDueNow(
    'mail.send',
    waiting.map((row) => row.id),
  );
}
