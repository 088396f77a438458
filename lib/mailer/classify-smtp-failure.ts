import { redactAddresses } from '@/lib/mailer/redact';

/**
 * What a failed delivery means for the mail:
 * - `permanent`: the server refused this recipient or this message for good (5xx to RCPT TO or to
 *   the message), or the address cannot be sent to at all. The mail fails; `bounce` marks the
 *   supporter so later mail skips them.
 * - `temporary`: the server answered 4xx about this mail (greylisting, mailbox full). Tried again,
 *   with back-off, for MAIL_RETRY_FOR_HOURS.
 * - `relay`: our relay is unreachable, silent, or refuses *us* (connection, TLS, login, sender,
 *   greeting), whatever the reply code. Nothing is wrong with the recipient, so it is temporary too,
 *   and the worker holds mail until the relay answers again (lib/mailer/relay-watch.ts).
 */
export type SmtpFailure =
  { kind: 'permanent'; reason: string; bounce: boolean } | { kind: 'temporary'; reason: string } | { kind: 'relay'; reason: string };

type NodemailerError = { code?: string; responseCode?: number; response?: string; command?: string; message?: string };

/** The reply or error in one line, as organizers see it, without the addresses it quotes. */
export function failureReason(error: unknown): string {
  const e = (error ?? {}) as NodemailerError;
  const text = redactAddresses(e.response ?? e.message ?? String(error))
    .replace(/\s+/g, ' ')
    .trim();
  const withCode = e.responseCode === undefined && e.code ? `${e.code}: ${text}` : text;
  return withCode.slice(0, 500);
}

/** An answer from the server to the mail itself (as opposed to no answer at all). */
export function hasServerAnswer(error: unknown): boolean {
  return typeof (error as NodemailerError | undefined)?.responseCode === 'number';
}

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as NodemailerError;
  const reason = failureReason(error);
  if (typeof e.responseCode === 'number') {
    const isPermanent = e.responseCode >= 500;
    if (e.command === 'RCPT TO') {
      return isPermanent ? { kind: 'permanent', reason, bounce: true } : { kind: 'temporary', reason };
    }
    if (e.command === 'DATA') {
      // 5.1.x: the mailbox does not exist, said after DATA by servers that check late.
      const isAddressUnknown = /\b5\.1\.\d+\b/.test(e.response ?? '');
      return isPermanent ? { kind: 'permanent', reason, bounce: isAddressUnknown } : { kind: 'temporary', reason };
    }
    return { kind: 'relay', reason };
  }
  // nodemailer refuses these before talking to the server: a malformed address, an empty message.
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { kind: 'permanent', reason, bounce: false };
  // The message stream failed on our side (recording the handover, lib/mailer/handover.ts): the
  // message was abandoned before its end; nothing is wrong with the relay.
  if (e.code === 'ESTREAM') return { kind: 'temporary', reason };
  return { kind: 'relay', reason };
}
