import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/generated/prisma/enums';
import { discreetAttachmentNames, readDiscreetMail } from '@/lib/mailer/discreet-mail';
import { renderMail, renderMailsSharingLinks, type RenderedMail, type RenderMailInput } from '@/lib/mailer/render-mail';
import { isMailTemplateName, type MailTemplateName, type MailTemplateProps } from '@/lib/mailer/templates';
import type { SendOptions } from 'pg-boss';
import { z } from 'zod';
import { MAIL_RETRY_POLICY, retryLimitCovering, retryWindowLabel } from '@/lib/mailer/retry-policy';
import { enqueue, enqueueMany, getQueue, JOB_HEARTBEAT_SECONDS, liveExclusiveJobExists } from '@/lib/queue';
import { keyring, type Keyring } from '@/lib/security/personal-data';
import { senderAddress } from '@/lib/smtp-transport';
import { TopicSchema } from '@/lib/unsubscribe/tokens';

export type SendMailInput<N extends MailTemplateName = MailTemplateName> = {
  to: string;
  supporterId?: string;
  locale: Locale;
  template: N;
  props: MailTemplateProps<N>;
  /** Bulk/topic mail: unsubscribe footer + List-Unsubscribe headers; skipped at send time if opted out. */
  topic?: string;
  headers?: Record<string, string>;
  /** Small text attachments, e.g. an event's .ics. */
  attachments?: MailAttachment[];
};

const MailAttachmentSchema = z.object({ filename: z.string(), content: z.string(), contentType: z.string() });

export type MailAttachment = z.output<typeof MailAttachmentSchema>;

/** The rendered message of a mail.send job; the recipient is the outbox row's. */
const MailMessageSchema = z.object({
  from: z.union([z.string(), z.object({ name: z.string(), address: z.string() })]),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
  attachments: z.array(MailAttachmentSchema).optional(),
});

export type MailMessage = z.output<typeof MailMessageSchema>;

/**
 * What a mail.send job carries: the outbox row it belongs to and its rendered message, sealed (kind
 * 'mail'): the queue's table is in every dump and backup, and a body names its recipient.
 */
export const MailJobSchema = z.object({
  outboundMailId: z.string().min(1),
  sealedMessage: z.string().min(1),
});

export type MailJobData = z.output<typeof MailJobSchema>;

/** The message of a mail.send job, opened and checked (a job sealed under another key throws). */
export function openMailMessage(ring: Keyring, sealedMessage: string): MailMessage {
  return MailMessageSchema.parse(JSON.parse(ring.open('mail', sealedMessage)));
}

/**
 * mail.send, the queue's settings and each job's: temporary SMTP failures are retried with back-off
 * for MAIL_RETRY_FOR_HOURS (the handler gives up by time, lib/mailer/retry-policy.ts). A worker
 * takes up to 10 jobs and each send has its deadline, so a live batch always ends within the expiry.
 */
export const MAIL_SEND_OPTIONS = {
  retryLimit: retryLimitCovering(MAIL_RETRY_POLICY),
  retryDelay: MAIL_RETRY_POLICY.firstDelaySeconds,
  retryBackoff: true,
  retryDelayMax: MAIL_RETRY_POLICY.maxDelaySeconds,
  heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
  expireInSeconds: Math.max(120, (10 * 2 * MAIL_RETRY_POLICY.sendTimeoutMs) / 1000 + 60),
  // created or retrying for longer than the window plus a day: gone (the sweeper fails the row).
  retentionSeconds: Math.ceil(MAIL_RETRY_POLICY.retryForMs / 1000) + 24 * 3600,
} as const satisfies SendOptions;

/** Stored sealed in OutboundMail.payloadSealed so a message can be rendered again if its job was lost. */
type StoredPayload = { props: unknown; headers?: Record<string, string>; attachments?: MailAttachment[] };

const openPayload = (ring: Keyring, sealed: string): StoredPayload => JSON.parse(ring.open('mail', sealed)) as StoredPayload;

const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;

function cleanHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || /[\r\n]/.test(value)) throw new Error(`Invalid mail header ${JSON.stringify(name)}`);
  }
  return headers;
}

function renderInputFor(
  row: { template: MailTemplateName; locale: Locale; topic?: string | null; supporterId?: string | null },
  payload: StoredPayload,
  discreet: boolean,
): RenderMailInput {
  return {
    template: row.template,
    locale: row.locale,
    props: payload.props,
    topic: row.topic && row.supporterId ? { name: row.topic, supporterId: row.supporterId } : undefined,
    headers: payload.headers,
    discreet,
  };
}

/** A mail.send job's data: the whole message, sealed compressed (docs/privacy.md). */
async function jobData(ring: Keyring, outboundMailId: string, rendered: RenderedMail, payload: StoredPayload): Promise<MailJobData> {
  const { fromName, ...content } = rendered;
  const from = fromName ? { name: fromName, address: senderAddress() } : env.MAIL_FROM;
  const message: MailMessage = { from, ...content, attachments: payload.attachments };
  return { outboundMailId, sealedMessage: await ring.sealCompressed('mail', JSON.stringify(message)) };
}

const sendOptions = (outboundMailId: string) => ({ ...MAIL_SEND_OPTIONS, singletonKey: outboundMailId });

function checkedPayload<N extends MailTemplateName>(input: SendMailInput<N>): StoredPayload {
  if (input.topic !== undefined) {
    TopicSchema.parse(input.topic);
    if (!input.supporterId) throw new Error('Topic mail needs a supporterId (for the unsubscribe link)');
  }
  return { props: input.props, headers: cleanHeaders(input.headers), attachments: input.attachments };
}

export type SendMailsOptions = {
  /**
   * Props holding URLs that differ per recipient while everything else is shared (a confirmation
   * link per signer): each shared layout is rendered once and the URLs are filled in.
   */
  perRecipientLinks?: readonly string[];
};

/**
 * The one send path. Renders each template in its recipient's language, records the OutboundMail
 * rows (PENDING) and queues their delivery, in one statement each and in one transaction: the
 * caller's `tx` when given, so the mail exists exactly when the caller's change commits. The
 * worker (lib/jobs/send-mail.ts) sends them.
 */
export async function sendMails<N extends MailTemplateName>(
  inputs: SendMailInput<N>[],
  tx?: Prisma.TransactionClient,
  options: SendMailsOptions = {},
): Promise<Array<{ outboundMailId: string }>> {
  if (inputs.length === 0) return [];
  const { discreet } = await readDiscreetMail(tx);
  const payloads = inputs
    .map(checkedPayload)
    .map((payload) =>
      discreet && payload.attachments ? { ...payload, attachments: discreetAttachmentNames(payload.attachments) } : payload,
    );
  const addresses = inputs.map((input) => input.to.trim());
  const renderInputs = inputs.map((input, index) => renderInputFor(input, payloads[index]!, discreet));
  const rendered = options.perRecipientLinks
    ? await renderMailsSharingLinks(renderInputs, options.perRecipientLinks)
    : await Promise.all(renderInputs.map((input) => renderMail(input)));
  // Load the keyring and start pg-boss (first use in this process) before our transaction opens; a
  // caller that passes its `tx` does both before opening it.
  const ring = await keyring();
  await getQueue();
  const ids = inputs.map(() => randomUUID());
  const jobs = await Promise.all(ids.map((id, index) => jobData(ring, id, rendered[index]!, payloads[index]!)));

  const write = async (client: Prisma.TransactionClient) => {
    // One statement whatever the number of rows, so its plan is cached and PostgreSQL prepares it
    // once: Prisma compiles every createMany afresh, 0.35–4.8 ms of CPU per row (docs/benchmarks.md).
    await client.$executeRaw`
      INSERT INTO "OutboundMail" (id, "toAddressSealed", "supporterId", template, locale, topic, subject, "payloadSealed", "createdAt")
      SELECT *, ${new Date()} FROM unnest(
        ${ids}::text[],
        ${addresses.map((address) => ring.seal('email', address))}::text[],
        ${inputs.map((input) => input.supporterId ?? null)}::text[],
        ${inputs.map((input) => input.template)}::text[],
        ${inputs.map((input) => input.locale)}::"Locale"[],
        ${inputs.map((input) => input.topic ?? null)}::text[],
        ${rendered.map((mail) => mail.subject)}::text[],
        ${payloads.map((payload) => ring.seal('mail', JSON.stringify(payload)))}::text[])`;
    await enqueueMany(
      'mail.send',
      ids.map((id, index) => ({
        data: jobs[index]!,
        ...sendOptions(id),
      })),
      { tx: client },
    );
    return ids.map((outboundMailId) => ({ outboundMailId }));
  };
  return tx ? write(tx) : db.$transaction(write);
}

/** One message: `sendMails` of one. */
export async function sendMail<N extends MailTemplateName>(
  input: SendMailInput<N>,
  tx?: Prisma.TransactionClient,
): Promise<{ outboundMailId: string }> {
  const [sent] = await sendMails([input], tx);
  return sent!;
}

/** Rows whose job may have been lost: PENDING for longer than this with no job are queued again. */
export const STALE_PENDING_MS = 60_000;

export type SweepResult = { requeued: number; expired: number; uncertain: number };

/**
 * The sweeper, every minute. Idempotent: it only acts on rows no job is working on.
 * 1. Mail queued longer than MAIL_RETRY_FOR_HOURS (plus an hour, the handler usually decides first)
 *    is failed with its last error.
 * 2. Mail handed to SMTP whose answer was never recorded, and whose job is gone, is UNCERTAIN: the
 *    worker died between the handover and the UPDATE (a retried job settles it itself). Not resent.
 * 3. PENDING mail older than a minute that has no queued, retrying or running job (lost in a crash
 *    between commit and pick-up, a wiped queue, a job failed for good) is rendered and queued again.
 *    A job that exists has the same singletonKey, so pg-boss would refuse a duplicate anyway.
 */
export async function requeueStalledMail(now = new Date(), limit = 500): Promise<SweepResult> {
  const expiredBefore = new Date(now.getTime() - MAIL_RETRY_POLICY.retryForMs - 3600_000);
  const expired = await db.$executeRaw`
    UPDATE "OutboundMail"
       SET status = 'FAILED', "payloadSealed" = NULL,
           "lastError" = ${`expired: not delivered within ${retryWindowLabel()}`} || COALESCE('; last error: ' || "lastError", '')
     WHERE status = 'PENDING' AND "handedToSmtpAt" IS NULL AND "createdAt" < ${expiredBefore}`;
  const uncertain = await db.$executeRawUnsafe(
    `UPDATE "OutboundMail" m SET status = 'UNCERTAIN', "lastError" = $1, "payloadSealed" = NULL
      WHERE status = 'PENDING' AND "handedToSmtpAt" < $2 AND NOT ${liveExclusiveJobExists('mail.send', 'm.id')}`,
    UNANSWERED_HANDOVER,
    new Date(now.getTime() - UNANSWERED_AFTER_MS),
  );

  const stalled = await db.$queryRawUnsafe<StalledRow[]>(
    `SELECT id, template, locale, topic, "supporterId", "payloadSealed"
       FROM "OutboundMail" m
      WHERE status = 'PENDING' AND "handedToSmtpAt" IS NULL AND "createdAt" < $1
        AND NOT ${liveExclusiveJobExists('mail.send', 'm.id')}
      ORDER BY "createdAt"
      LIMIT $2`,
    new Date(now.getTime() - STALE_PENDING_MS),
    limit,
  );
  const ring = await keyring();
  let requeued = 0;
  const { discreet } = await readDiscreetMail();
  for (const row of stalled) {
    if (!row.payloadSealed || !isMailTemplateName(row.template)) {
      await db.outboundMail.updateMany({
        where: { id: row.id, status: 'PENDING' },
        data: { status: 'FAILED', lastError: 'cannot render again: template or payload missing' },
      });
      continue;
    }
    const payload = openPayload(ring, row.payloadSealed);
    const rendered = await renderMail(renderInputFor({ ...row, template: row.template }, payload, discreet));
    const jobId = await enqueue('mail.send', await jobData(ring, row.id, rendered, payload), sendOptions(row.id));
    if (jobId) requeued += 1;
  }
  return { requeued, expired, uncertain };
}

type StalledRow = {
  id: string;
  template: string;
  locale: Locale;
  topic: string | null;
  supporterId: string | null;
  payloadSealed: string | null;
};

/** A live attempt has its answer (or gives up) within two send deadlines of starting; a minute of slack on top. */
export const UNANSWERED_AFTER_MS = 2 * MAIL_RETRY_POLICY.sendTimeoutMs + 60_000;

/** Why a mail is UNCERTAIN, as organizers read it. */
export const UNANSWERED_HANDOVER =
  'uncertain: the message was handed to the SMTP server, but its answer was never recorded (the worker or the connection stopped); not sent again, so it cannot arrive twice';
