import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { classifySmtpError } from '@/lib/campaigns/sender/classify-smtp-error';
import { finishCampaignIfDone, nextRetryDue } from '@/lib/campaigns/sender/finish-campaign';
import {
  claimRecipients,
  markPermanentFailures,
  markSent,
  markTemporaryFailures,
  releaseInFlight,
  type ClaimedRecipient,
  type FailedRecipient,
  type SentRecipient,
} from '@/lib/campaigns/sender/ledger';
import { buildCampaignMail, loadPreparedCampaign, type PreparedCampaign } from '@/lib/campaigns/sender/prepare-campaign';
import { tryAcquireSenderLock } from '@/lib/campaigns/sender/sender-lock';
import { SlidingWindowLimiter } from '@/lib/campaigns/sender/sliding-window-limiter';
import { createBulkTransport, type BulkTransport } from '@/lib/campaigns/transport';

export type SenderOptions = {
  transport?: BulkTransport;
  ratePerSecond?: number;
  ratePerHour?: number;
  /** Rows claimed per statement, and how many claimed batches are sent at once. */
  batchSize?: number;
  lanes?: number;
  /** The sender returns after this long (the job re-queues itself when work is left). */
  maxRunMs?: number;
  /** How long to wait in process for retries that are due soon before returning. */
  maxRetryWaitMs?: number;
  signal?: AbortSignal;
  /**
   * Called as each message is handed to SMTP, with the moment the per-second throttle admitted it
   * (performance.now()). Instrumentation for tests.
   */
  onSend?: (admittedAt: number) => void;
};

export type SenderOutcome = 'locked' | 'idle' | 'hourly-limit' | 'time-slice' | 'aborted' | 'retries-later';
export type SenderResult = { outcome: SenderOutcome; sent: number; failed: number; retried: number; released: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The campaign sender: while it holds the sender lock it sends every SENDING campaign's due rows,
 * oldest campaign first, through one pooled transport, under one throttle. See
 * docs/decisions/0005-campaign-sending.md for why the ledger makes this exactly-once in practice.
 */
export async function runCampaignSender(options: SenderOptions = {}): Promise<SenderResult> {
  const lock = await tryAcquireSenderLock();
  const result: SenderResult = { outcome: 'locked', sent: 0, failed: 0, retried: 0, released: 0 };
  if (!lock) return result;
  const transport = options.transport ?? createBulkTransport();
  try {
    result.released = await releaseInFlight();
    const ctx = new SenderContext(options, transport, result);
    await ctx.preloadHourWindow();
    result.outcome = await ctx.run();
    return result;
  } finally {
    if (!options.transport) transport.close();
    await lock.release();
  }
}

class SenderContext {
  private readonly perSecond: SlidingWindowLimiter;
  private readonly perHour: SlidingWindowLimiter;
  private readonly deadline: number;
  private readonly prepared = new Map<string, PreparedCampaign>();
  private reserved = 0;
  private claimQueue: Promise<unknown> = Promise.resolve();
  private hourlyLimitReached = false;

  constructor(
    private readonly options: SenderOptions,
    private readonly transport: BulkTransport,
    private readonly result: SenderResult,
  ) {
    this.perSecond = new SlidingWindowLimiter(options.ratePerSecond ?? env.MAIL_RATE_PER_SECOND, 1000);
    this.perHour = new SlidingWindowLimiter(options.ratePerHour ?? env.MAIL_RATE_PER_HOUR, 3_600_000);
    this.deadline = Date.now() + (options.maxRunMs ?? 10 * 60_000);
  }

  /** Mails sent in the last hour by earlier runs count against the hourly limit. */
  async preloadHourWindow(): Promise<void> {
    if (this.perHour.unlimited) return;
    const rows = await db.$queryRaw<Array<{ sentAt: Date }>>`
      SELECT "sentAt" FROM "CampaignRecipient"
      WHERE "sentAt" > now() - interval '1 hour' ORDER BY "sentAt" DESC LIMIT ${this.perHour.limit}`;
    this.perHour.preload(rows.map((row) => row.sentAt.getTime()));
  }

  private stopReason(): SenderOutcome | null {
    if (this.options.signal?.aborted) return 'aborted';
    if (Date.now() >= this.deadline) return 'time-slice';
    if (this.hourlyLimitReached) return 'hourly-limit';
    return null;
  }

  async run(): Promise<SenderOutcome> {
    for (;;) {
      const stop = this.stopReason();
      if (stop) return stop;
      const active = await db.emailCampaign.findMany({
        where: { status: 'SENDING' },
        orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
        select: { id: true },
      });
      let progressed = false;
      for (const { id } of active) {
        if (this.stopReason()) break;
        if ((await this.drain(id)) > 0) progressed = true;
        await finishCampaignIfDone(id);
      }
      if (progressed) continue;
      const stopNow = this.stopReason();
      if (stopNow) return stopNow;
      const due = await nextRetryDue();
      if (!due) return 'idle';
      const wait = due.getTime() - Date.now();
      if (wait > (this.options.maxRetryWaitMs ?? 60_000) || Date.now() + wait > this.deadline) return 'retries-later';
      await sleep(Math.max(50, wait));
    }
  }

  /** Sends a campaign's due rows with several lanes of batches; returns how many rows it handled. */
  private async drain(campaignId: string): Promise<number> {
    const campaign = this.prepared.get(campaignId) ?? (await loadPreparedCampaign(campaignId));
    this.prepared.set(campaignId, campaign);
    const lanes = Array.from({ length: this.lanes }, () => this.lane(campaign));
    const handled = await Promise.all(lanes);
    return handled.reduce((a, b) => a + b, 0);
  }

  private async lane(campaign: PreparedCampaign): Promise<number> {
    let handled = 0;
    for (;;) {
      if (this.stopReason()) return handled;
      const batch = await this.claim(campaign.id);
      if (batch.length === 0) return handled;
      handled += batch.length;
      await this.sendBatch(campaign, batch);
    }
  }

  /**
   * Under a per-second throttle the lanes together claim about one second's worth, so rows do not
   * wait long in SENDING (an unsubscribe arriving meanwhile could not stop them any more).
   */
  private batchLimit(): number {
    const batchSize = this.options.batchSize ?? 100;
    if (this.perSecond.unlimited) return batchSize;
    return Math.min(batchSize, Math.max(1, Math.ceil(this.perSecond.limit / this.lanes)));
  }

  private get lanes(): number {
    return this.options.lanes ?? 2;
  }

  /** Claims are serialised so the hourly allowance is never handed out twice. */
  private claim(campaignId: string): Promise<ClaimedRecipient[]> {
    const next = this.claimQueue.then(async () => {
      const status = await db.emailCampaign.findUnique({ where: { id: campaignId }, select: { status: true } });
      if (status?.status !== 'SENDING') return [];
      let limit = this.batchLimit();
      if (!this.perHour.unlimited) {
        const allowance = this.perHour.limit - this.perHour.countInWindow() - this.reserved;
        if (allowance <= 0) {
          this.hourlyLimitReached = true;
          return [];
        }
        limit = Math.min(limit, allowance);
      }
      const batch = await claimRecipients(campaignId, limit);
      this.reserved += batch.length;
      return batch;
    });
    this.claimQueue = next.catch(() => undefined);
    return next;
  }

  private async sendBatch(campaign: PreparedCampaign, batch: ClaimedRecipient[]): Promise<void> {
    const sent: SentRecipient[] = [];
    const temporary: FailedRecipient[] = [];
    const permanent: FailedRecipient[] = [];
    await Promise.all(
      batch.map(async (recipient) => {
        const mail = buildCampaignMail(campaign, recipient);
        // The throttle stamps the moment right before the hand-over to SMTP.
        await this.perHour.take();
        const admittedAt = await this.perSecond.take();
        this.reserved -= 1;
        this.options.onSend?.(admittedAt);
        try {
          await this.transport.sendMail(mail);
          sent.push({ id: recipient.id, messageId: String(mail.messageId) });
        } catch (error) {
          const failure = classifySmtpError(error);
          (failure.permanent ? permanent : temporary).push({ id: recipient.id, error: failure.reason });
        }
      }),
    );
    await Promise.all([markSent(sent), markTemporaryFailures(temporary), markPermanentFailures(permanent)]);
    this.result.sent += sent.length;
    this.result.failed += permanent.length;
    this.result.retried += temporary.length;
  }
}
