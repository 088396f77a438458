import type { JobWithMetadata } from 'pg-boss';
import { db } from '@/lib/db';
import { withDeadline } from '@/lib/deadline';
import type { OutboundMailStatus } from '@/lib/generated/prisma/enums';
import { env } from '@/lib/env';
import { defineJob } from '@/lib/jobs/define-job';
import { MAIL_SEND_OPTIONS, MailJobSchema, openMailMessage, UNANSWERED_HANDOVER, type MailJobData } from '@/lib/mailer';
import { classifySmtpFailure, failureReason, type SmtpFailure } from '@/lib/mailer/classify-smtp-failure';
import { bounceAddress } from '@/lib/bounces/return-path';
import { deliverWithHandover } from '@/lib/mailer/handover';
import { currentRelayOutage, reportRelayDown, reportRelayUp, type RelayWatchHooks } from '@/lib/mailer/relay-watch';
import { releaseHeldMail } from '@/lib/mailer/release-held-mail';
import { hasOutlivedRetryWindow, MAIL_RETRY_POLICY, retryWindowLabel } from '@/lib/mailer/retry-policy';
import { log } from '@/lib/log';
import { keyring, type Keyring } from '@/lib/security/personal-data';
import { getSmtpTransport, mailDomain } from '@/lib/smtp-transport';
import { findSuppressionReason } from '@/lib/unsubscribe/queries';

/** Stable across retries, so a receiving system that saw an earlier attempt can deduplicate. */
export function outboundMessageId(outboundMailId: string): string {
  return `<${outboundMailId}@${mailDomain()}>`;
}

/** Final states drop the stored payload: links in it (sign-in links) should not stay at rest, even sealed. */
const finalData = { payloadSealed: null };

const relayHooks: RelayWatchHooks = {
  check: () => withDeadline(getSmtpTransport().verify(), MAIL_RETRY_POLICY.sendTimeoutMs, 'the relay did not answer'),
  onBack: releaseHeldMail,
  probeEveryMs: env.MAIL_RELAY_PROBE_SECONDS * 1000,
};

/**
 * An outcome must be recorded even if the database blinks (a restart, a failover): the message is
 * already out. Tried again for up to a send deadline before the error is left to the job's retry.
 */
async function persist<T>(write: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + MAIL_RETRY_POLICY.sendTimeoutMs;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

type PendingMail = {
  id: string;
  /** Opened from toAddressSealed. */
  toAddress: string;
  supporterId: string | null;
  topic: string | null;
  createdAt: Date;
  handedToSmtpAt: Date | null;
};

/*
 * The two statements every delivery runs are written in SQL: through Prisma's query engine they cost
 * the worker more CPU than the rest of the mail's database work (docs/benchmarks.md, 1 December 2026,
 * seventh session). Both are prepared statements (docs/decisions/0010).
 */
function findOutboxRow(id: string) {
  return db.$queryRaw<Array<Omit<PendingMail, 'toAddress'> & { status: OutboundMailStatus; toAddressSealed: string }>>`
    SELECT id, status, "toAddressSealed", "supporterId", topic, "createdAt", "handedToSmtpAt" FROM "OutboundMail" WHERE id = ${id}`;
}

/**
 * UNCERTAIN too: a late answer of an attempt the sweeper had given up on still says the mail went out.
 * Drops the payload like every final state (`finalData`).
 */
function recordSent(id: string, messageId: string) {
  return db.$executeRaw`
    UPDATE "OutboundMail" SET status = 'SENT', "sentAt" = ${new Date()}, "messageId" = ${messageId}, "lastError" = NULL, "payloadSealed" = NULL
     WHERE id = ${id} AND status IN ('PENDING', 'UNCERTAIN')`;
}

/** The point of no return: only one attempt can pass it, and only while the mail is still owed. */
async function claimHandover(id: string): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE "OutboundMail" SET "handedToSmtpAt" = now(), "lastAttemptAt" = now(), attempts = attempts + 1
     WHERE id = ${id} AND status = 'PENDING' AND "handedToSmtpAt" IS NULL`;
  return claimed === 1;
}

async function recordPermanentFailure(
  ring: Keyring,
  mail: PendingMail,
  failure: Extract<SmtpFailure, { kind: 'permanent' }>,
  counted: number,
) {
  await persist(() =>
    db.$transaction(async (tx) => {
      await tx.outboundMail.updateMany({
        where: { id: mail.id, status: 'PENDING' },
        data: {
          status: 'FAILED',
          lastError: failure.reason,
          lastAttemptAt: new Date(),
          handedToSmtpAt: null,
          attempts: { increment: counted },
          ...finalData,
        },
      });
      if (!failure.bounce) return;
      const supporter = mail.supporterId
        ? { id: mail.supporterId }
        : await tx.supporter.findUnique({ where: { emailIndex: ring.emailIndex(mail.toAddress) }, select: { id: true } });
      if (supporter) {
        await tx.supporter.updateMany({ where: { id: supporter.id }, data: { bouncedAt: new Date(), bounceReason: failure.reason } });
      }
    }),
  );
}

/**
 * Temporary (4xx) and relay failures: the job is retried with back-off (the error is rethrown)
 * until the mail has been queued for MAIL_RETRY_FOR_HOURS; then it fails with its last reason.
 */
async function recordTemporaryFailure(
  job: JobWithMetadata<MailJobData>,
  mail: PendingMail,
  failure: SmtpFailure,
  options: { counted: number; wasTried: boolean },
): Promise<void> {
  const isGivenUp = hasOutlivedRetryWindow(mail.createdAt) || job.retryCount >= job.retryLimit;
  await persist(() =>
    db.outboundMail.updateMany({
      where: { id: mail.id, status: 'PENDING' },
      data: {
        ...(isGivenUp
          ? { status: 'FAILED', lastError: `gave up after ${retryWindowLabel()} of temporary failures: ${failure.reason}`, ...finalData }
          : { lastError: failure.reason }),
        ...(options.wasTried ? { lastAttemptAt: new Date() } : {}),
        attempts: { increment: options.counted },
        handedToSmtpAt: null,
      },
    }),
  );
  if (!isGivenUp) throw Object.assign(new Error(failure.reason), { retryable: true });
}

/**
 * Delivers one queued message; every outcome is recorded on its row (docs/decisions/0004):
 * sent; failed for good (5xx to the recipient or message: the supporter is marked bounced when the
 * address itself was refused); retried with back-off (4xx, relay trouble: rethrown to pg-boss);
 * UNCERTAIN when the message went out whole and no answer came back.
 */
export async function deliverMailJob(job: JobWithMetadata<MailJobData>): Promise<void> {
  const { outboundMailId, sealedMessage } = job.data;
  const [row] = await findOutboxRow(outboundMailId);
  if (!row || row.status !== 'PENDING') return;
  const ring = await keyring();
  const { toAddressSealed, ...rest } = row;
  const mail: PendingMail = { ...rest, toAddress: ring.open('email', toAddressSealed) };

  if (mail.handedToSmtpAt) {
    // An earlier attempt of this job passed the point of no return and never recorded the answer:
    // its worker died (pg-boss retries a job only once its worker is gone or has given up).
    await persist(() =>
      db.outboundMail.updateMany({
        where: { id: mail.id, status: 'PENDING' },
        data: { status: 'UNCERTAIN', lastError: UNANSWERED_HANDOVER, ...finalData },
      }),
    );
    return;
  }
  if (mail.topic && mail.supporterId) {
    // Checked here, not when queued: an unsubscribe during a long fan-out is honoured.
    const reason = await findSuppressionReason(mail.supporterId, mail.topic);
    if (reason) {
      await db.outboundMail.updateMany({
        where: { id: mail.id, status: 'PENDING' },
        data: { status: 'SKIPPED', lastError: reason, ...finalData },
      });
      return;
    }
  }

  const outage = currentRelayOutage();
  if (outage) {
    const reason = `held: the SMTP relay has failed since ${outage.since.toISOString()} (${outage.reason})`;
    return recordTemporaryFailure(job, mail, { kind: 'relay', reason }, { counted: 0, wasTried: false });
  }

  const message = openMailMessage(ring, sealedMessage);
  const mailLog = log.child({ component: 'mail', job: 'mail.send', jobId: job.id, outboundMailId: mail.id });
  const outcome = await deliverWithHandover(
    getSmtpTransport(),
    {
      from: message.from,
      to: mail.toAddress,
      // The return path names this outbox row, so a bounce finds it (lib/bounces/return-path.ts).
      envelope: { from: bounceAddress({ kind: 'outbound', outboundMailId: mail.id }), to: mail.toAddress },
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      attachments: message.attachments,
      messageId: outboundMessageId(mail.id),
    },
    { claim: () => claimHandover(mail.id), deadlineMs: MAIL_RETRY_POLICY.sendTimeoutMs },
  );

  switch (outcome.kind) {
    case 'not-claimed':
      return;
    case 'sent':
      mailLog.debug('delivered');
      reportRelayUp(relayHooks);
      await persist(() => recordSent(mail.id, outcome.messageId));
      return;
    case 'unanswered':
      mailLog.warn({ reason: failureReason(outcome.error) }, 'handed over without an answer: uncertain');
      await persist(() =>
        db.outboundMail.updateMany({
          where: { id: mail.id, status: 'PENDING' },
          data: { status: 'UNCERTAIN', lastError: `${UNANSWERED_HANDOVER} (${failureReason(outcome.error)})`, ...finalData },
        }),
      );
      return;
    case 'failed': {
      const failure = classifySmtpFailure(outcome.error);
      // A claimed attempt was counted when it was claimed.
      const counted = outcome.claimed ? 0 : 1;
      mailLog.info({ kind: failure.kind, reason: failure.reason }, 'delivery failed');
      if (failure.kind === 'permanent') return recordPermanentFailure(ring, mail, failure, counted);
      if (failure.kind === 'relay') reportRelayDown(failure.reason, relayHooks);
      return recordTemporaryFailure(job, mail, failure, { counted, wasTried: true });
    }
  }
}

/**
 * Delivery of the outbox. exclusive + singletonKey = OutboundMail id: at most one queued or active
 * job per message, so the sweeper can queue again a row whose job was lost without ever doubling
 * one that exists. Each job of a batch is settled on its own: one mail's retry is not its neighbours'.
 */
export const mailSendJob = defineJob({
  name: 'mail.send',
  payload: MailJobSchema,
  queue: { policy: 'exclusive', ...MAIL_SEND_OPTIONS, deleteAfterSeconds: 24 * 3600 },
  work: { localConcurrency: 4, pollingIntervalSeconds: 1, batchSize: 10, burstWhenBatchFull: true },
  handler: deliverMailJob,
});
