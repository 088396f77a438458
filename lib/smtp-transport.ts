import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { env } from '@/lib/env';
import { holdFinalDotUntilHandover } from '@/lib/mailer/handover';

export type SmtpTransport = Transporter<SMTPPool.SentMessageInfo>;

export type DkimConfig = { domainName: string; keySelector: string; privateKey: string };

/** DKIM from DKIM_DOMAIN / DKIM_SELECTOR / DKIM_PRIVATE_KEY, when all three are set. */
export function dkimFromEnv(): DkimConfig | undefined {
  if (!env.DKIM_DOMAIN || !env.DKIM_SELECTOR || !env.DKIM_PRIVATE_KEY) return undefined;
  return {
    domainName: env.DKIM_DOMAIN,
    keySelector: env.DKIM_SELECTOR,
    privateKey: env.DKIM_PRIVATE_KEY.replace(/\\n/g, '\n'),
  };
}

/**
 * Without TCP_NODELAY each message's last small write waits for the server's delayed ACK (~40 ms),
 * which caps a pooled connection near 20 messages per second whatever the CPU. The pool takes a
 * socket through `getSocket` (STARTTLS and smtps upgrade it as usual).
 *
 * The socket is handed over while it is still connecting, never as an error: nodemailer's pool
 * forgets a slot whose `getSocket` reported an error (the slot stays busy for good, and once all are
 * lost every later send waits forever). Handed over, a refused or silent connection fails inside
 * the SMTP connection, under its timeouts, and the pool frees the slot.
 */
export function noDelaySocket(
  options: { host?: string; port?: number },
  callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void,
) {
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 25 });
  socket.setNoDelay(true);
  callback(null, { connection: socket });
}

export type SmtpTransportOptions = {
  maxConnections?: number;
  dkim?: DkimConfig;
  /** Connection, greeting and inactivity timeouts; MAIL_SEND_TIMEOUT_SECONDS by default. */
  timeoutMs?: number;
};

const BEYOND_ASCII = /[^\x00-\x7f]/;

/**
 * A nodemailer `compile` plugin: text parts go base64 when the body holds anything beyond ASCII
 * (all Kazakh and Russian mail), quoted-printable otherwise. Left to itself nodemailer counts the
 * letters of every part to guess, and markup is Latin, so Cyrillic mail went quoted-printable, each
 * letter written as six bytes: a confirmation mail in Russian was 1.6 ms of CPU and 14.7 KB, in
 * base64 0.45 ms and 10.1 KB (docs/benchmarks.md). Plain ASCII stays quoted-printable, nearly as
 * written (spam filters score base64 that hides plain text).
 */
export function chooseTextEncoding(mail: MailMessage, done: (error?: Error | null) => void): void {
  const data = mail.data;
  if (!data.textEncoding) {
    const parts = [data.text, data.html].filter((part): part is string => typeof part === 'string');
    data.textEncoding = parts.some((part) => BEYOND_ASCII.test(part)) ? 'base64' : 'quoted-printable';
  }
  done();
}

/** A pooled SMTP transport: a few long-lived connections, each carrying many messages. */
export function createSmtpTransport(url: string, options: SmtpTransportOptions = {}): SmtpTransport {
  const timeoutMs = options.timeoutMs ?? env.MAIL_SEND_TIMEOUT_SECONDS * 1000;
  // NOTE: createTransport({ url, … }) drops every option beside the URL (pool, dkim): parse it here.
  // The explicit index.js lets Next load nodemailer as an external package (Node ESM resolution).
  const transport = nodemailer.createTransport({
    ...parseConnectionUrl(url),
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: Infinity,
    dkim: options.dkim ?? dkimFromEnv(),
    getSocket: noDelaySocket,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as SMTPPool.Options);
  transport.use('compile', chooseTextEncoding);
  transport.use('stream', holdFinalDotUntilHandover);
  return transport;
}

const globalForSmtp = globalThis as unknown as { dauysSmtp?: SmtpTransport };

/** The process's one transport to SMTP_URL (the local catcher under `npm start`). */
export function getSmtpTransport(): SmtpTransport {
  if (!env.SMTP_URL) throw new Error('SMTP_URL is not set: `npm start` runs a local catcher, or set it to your relay.');
  globalForSmtp.dauysSmtp ??= createSmtpTransport(env.SMTP_URL);
  return globalForSmtp.dauysSmtp;
}

export function closeSmtpTransport(): void {
  globalForSmtp.dauysSmtp?.close();
  globalForSmtp.dauysSmtp = undefined;
}

/** The bare address of MAIL_FROM, e.g. no-reply@dauys.localhost. */
export function senderAddress(): string {
  return /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;
}

/** The domain of MAIL_FROM, used for Message-IDs and the unsubscribe mailbox. */
export function mailDomain(): string {
  return senderAddress().split('@')[1] ?? 'dauys.localhost';
}
