import type { JobWithMetadata } from 'pg-boss';
import { classifySmtpError } from '@/lib/campaigns/sender/classify-smtp-error';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { MailJobData } from '@/lib/mailer';
import { getSmtpTransport, mailDomain } from '@/lib/smtp-transport';
import { findSuppressionReason } from '@/lib/unsubscribe/queries';

/** Stable across retries, so a receiving system that saw an earlier attempt can deduplicate. */
export function outboundMessageId(outboundMailId: string): string {
  return `<${outboundMailId}@${mailDomain()}>`;
}

/** Final states drop the stored payload: links in it (sign-in links) should not stay at rest. */
const finalData = { payload: Prisma.DbNull };

async function markBounced(mail: { id: string; toAddress: string; supporterId: string | null }, reason: string) {
  await db.$transaction(async (tx) => {
    await tx.outboundMail.update({ where: { id: mail.id }, data: { status: 'FAILED', lastError: reason, ...finalData } });
    const supporter = mail.supporterId
      ? { id: mail.supporterId }
      : await tx.supporter.findUnique({ where: { email: mail.toAddress.toLowerCase() }, select: { id: true } });
    if (supporter) {
      await tx.supporter.updateMany({
        where: { id: supporter.id },
        data: { bouncedAt: new Date(), bounceReason: reason },
      });
    }
  });
}

type ClaimedMail = { id: string; toAddress: string; supporterId: string | null };

/**
 * Counts the attempt before SMTP sees the message, so a row left PENDING with attempts > 0 was in
 * flight when its worker died. Mail without a topic (confirmations, sign-in links) is checked and
 * claimed in one statement; topic mail is first checked against unsubscribes, made until now.
 */
async function claimForDelivery(outboundMailId: string): Promise<ClaimedMail | null> {
  const [plain] = await db.$queryRaw<ClaimedMail[]>`
    UPDATE "OutboundMail" SET attempts = attempts + 1
     WHERE id = ${outboundMailId} AND status = 'PENDING' AND topic IS NULL
    RETURNING id, "toAddress", "supporterId"`;
  if (plain) return plain;

  const mail = await db.outboundMail.findUnique({
    where: { id: outboundMailId },
    select: { id: true, status: true, toAddress: true, supporterId: true, topic: true },
  });
  if (!mail || mail.status !== 'PENDING') return null;
  if (mail.topic && mail.supporterId) {
    // Checked here, not when queued: an unsubscribe during a long fan-out is honoured.
    const reason = await findSuppressionReason(mail.supporterId, mail.topic);
    if (reason) {
      await db.outboundMail.updateMany({
        where: { id: mail.id, status: 'PENDING' },
        data: { status: 'SKIPPED', lastError: reason, ...finalData },
      });
      return null;
    }
  }
  await db.outboundMail.update({ where: { id: mail.id }, data: { attempts: { increment: 1 } } });
  return mail;
}

/**
 * Delivers one queued message. Temporary failures (4xx, connection trouble) throw, so pg-boss
 * retries with backoff; permanent ones (5xx) fail the row and mark the supporter bounced.
 */
export async function deliverMailJob(job: JobWithMetadata<MailJobData>): Promise<void> {
  const { outboundMailId, message } = job.data;
  const mail = await claimForDelivery(outboundMailId);
  if (!mail) return;

  let messageId: string;
  try {
    const info = await getSmtpTransport().sendMail({
      from: message.from,
      to: mail.toAddress,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      attachments: message.attachments,
      messageId: outboundMessageId(mail.id),
    });
    messageId = info.messageId;
  } catch (error) {
    const failure = classifySmtpError(error);
    if (failure.permanent) {
      await markBounced(mail, failure.reason);
      return;
    }
    const isLastAttempt = job.retryCount >= job.retryLimit;
    await db.outboundMail.update({
      where: { id: mail.id },
      data: isLastAttempt ? { status: 'FAILED', lastError: failure.reason, ...finalData } : { lastError: failure.reason },
    });
    throw error;
  }
  await db.outboundMail.update({
    where: { id: mail.id },
    data: { status: 'SENT', sentAt: new Date(), messageId, lastError: null, ...finalData },
  });
}

export async function handleSendMailJobs(jobs: JobWithMetadata<MailJobData>[]): Promise<void> {
  for (const job of jobs) await deliverMailJob(job);
}
