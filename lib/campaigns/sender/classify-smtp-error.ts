import { redactAddresses } from '@/lib/mailer/redact';

export type SmtpFailure = { permanent: boolean; reason: string };

/**
 * 5xx replies are permanent (the address or the message is refused); 4xx replies and connection
 * problems are temporary and retried with backoff. The reason is what the organizer sees, without
 * the addresses it quotes.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = redactAddresses(e.response ?? e.message ?? String(error))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
  if (typeof e.responseCode === 'number') {
    return { permanent: e.responseCode >= 500 && e.responseCode < 600, reason };
  }
  return { permanent: false, reason: e.code ? `${e.code}: ${reason}` : reason };
}
