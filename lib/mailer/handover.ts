import { Readable } from 'node:stream';
import type Mail from 'nodemailer/lib/mailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';
import type { SmtpTransport } from '@/lib/smtp-transport';

/*
 * The point of no return of one delivery. An SMTP server takes a message only with its final ".";
 * a connection that ends before it leaves nothing delivered. So the message stream withholds its
 * end until `claim()` has recorded the handover (one conditional UPDATE): a crash before that is
 * safe to retry, and a crash after it leaves a row marked as handed over, which is never sent again.
 */

const CLAIM_KEY = 'dauysClaimHandover';

/** A nodemailer `stream` plugin (lib/smtp-transport.ts installs it): holds the final "." of messages that carry a claim. */
export function holdFinalDotUntilHandover(mail: MailMessage, done: (error?: Error | null) => void): void {
  const claim = (mail.data as Record<string, unknown>)[CLAIM_KEY] as (() => Promise<void>) | undefined;
  if (claim) {
    const message = mail.message;
    const createReadStream = message.createReadStream.bind(message);
    // NOTE: both of nodemailer's SMTP transports pipe `mail.message.createReadStream()` into the
    // connection after DATA; wrapping it is the one place that sees the end of the message.
    message.createReadStream = (options) => withheldEnd(createReadStream(options), claim);
  }
  done();
}

function withheldEnd(source: Readable, beforeEnd: () => Promise<void>): Readable {
  async function* chunks() {
    for await (const chunk of source) yield chunk as Buffer;
    await beforeEnd();
  }
  // highWaterMark 0: nothing is read ahead of what the connection asks for.
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 0 });
}

export class DeliveryTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(seconds: number, stage: string) {
    super(`no answer within ${seconds} s (${stage})`);
  }
}

class HandoverRefusedError extends Error {
  readonly code = 'EHANDOVER';
}

type GateState = 'open' | 'claiming' | 'claimed' | 'refused' | 'closed';

export type DeliveryOutcome =
  | { kind: 'sent'; messageId: string }
  /**
   * Not delivered, for certain: it failed before its end went out, or the server answered the end
   * with a refusal. `claimed`: the handover had been recorded and must be undone.
   */
  | { kind: 'failed'; error: unknown; claimed: boolean }
  /** The end went out and no answer came back: the server may or may not have taken it. */
  | { kind: 'unanswered'; error: unknown }
  /** `claim` found the mail no longer ours to send (already sent, or being sent elsewhere). */
  | { kind: 'not-claimed' };

/**
 * Sends one message through the pooled transport with a deadline. `claim` runs when only the
 * final "." is left and resolves to whether this attempt may finish (false: the message is
 * abandoned, the server never completes it). The deadline covers everything up to that point; after
 * it the transport's inactivity timeout (the same length) bounds the wait for the server's answer.
 */
export async function deliverWithHandover(
  transport: SmtpTransport,
  message: Mail.Options,
  options: { claim: () => Promise<boolean>; deadlineMs: number },
): Promise<DeliveryOutcome> {
  let gate: GateState = 'open';
  let claiming: Promise<unknown> = Promise.resolve();
  const claimHandover = async () => {
    if (gate !== 'open') throw new HandoverRefusedError('delivery abandoned before its end');
    gate = 'claiming';
    const claimed = options.claim();
    claiming = claimed.catch(() => undefined);
    try {
      gate = (await claimed) ? 'claimed' : 'refused';
    } catch (error) {
      gate = 'closed';
      throw error;
    }
    if (gate === 'refused') throw new HandoverRefusedError('the mail is no longer pending');
  };

  const seconds = Math.round(options.deadlineMs / 1000);
  let failedBeforeEnd = false;
  const settled = await new Promise<{ error: unknown; messageId?: string }>((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    const finish = (result: { error: unknown; messageId?: string }) => {
      timers.forEach(clearTimeout);
      resolve(result);
    };
    timers.push(
      setTimeout(() => {
        if (gate === 'open') {
          gate = 'closed';
          finish({ error: new DeliveryTimeoutError(seconds, 'before the message was handed over') });
        } else {
          // Past the handover: the answer is due within the connection's own timeout; this is a backstop.
          timers.push(
            setTimeout(() => finish({ error: new DeliveryTimeoutError(seconds, 'after the message was handed over') }), options.deadlineMs),
          );
        }
      }, options.deadlineMs),
    );
    transport.sendMail({ ...message, [CLAIM_KEY]: claimHandover } as Mail.Options, (error, info) => {
      if (error) {
        // Synchronously, before a failed send's stream can drain into its hook (nodemailer drains it).
        if (gate === 'open') gate = 'closed';
        // Still recording the handover: the end of the message has not been released.
        if (gate === 'claiming') failedBeforeEnd = true;
      }
      finish(error ? { error } : { error: null, messageId: info.messageId });
    });
  });
  await claiming;

  const { error } = settled;
  // (Read once: the callbacks above move it, which the compiler cannot see.)
  const final = gate as GateState;
  if (!error) return { kind: 'sent', messageId: settled.messageId ?? '' };
  if (final === 'refused') return { kind: 'not-claimed' };
  if (final !== 'claimed') return { kind: 'failed', error, claimed: false };
  const isAnswered = typeof (error as { responseCode?: unknown }).responseCode === 'number';
  return isAnswered || failedBeforeEnd ? { kind: 'failed', error, claimed: true } : { kind: 'unanswered', error };
}
