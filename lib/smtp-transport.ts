import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { env } from '@/lib/env';

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
 * connected socket through `getSocket` (STARTTLS and smtps upgrade it as usual).
 */
export function noDelaySocket(
  options: { host?: string; port?: number },
  callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void,
) {
  const onError = (error: Error) => callback(error);
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 25 }, () => {
    socket.removeListener('error', onError);
    callback(null, { connection: socket });
  });
  socket.setNoDelay(true);
  socket.once('error', onError);
}

/** A pooled SMTP transport: a few long-lived connections, each carrying many messages. */
export function createSmtpTransport(url: string, options: { maxConnections?: number; dkim?: DkimConfig } = {}): SmtpTransport {
  // NOTE: createTransport({ url, … }) drops every option beside the URL (pool, dkim): parse it here.
  // The explicit index.js lets Next load nodemailer as an external package (Node ESM resolution).
  return nodemailer.createTransport({
    ...parseConnectionUrl(url),
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: Infinity,
    dkim: options.dkim ?? dkimFromEnv(),
    getSocket: noDelaySocket,
  } as SMTPPool.Options);
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
