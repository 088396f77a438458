import net from 'node:net';
import { createSmtpTransport, type DkimConfig, type SmtpTransport } from '@/lib/smtp-transport';
import { env } from '@/lib/env';

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

export type BulkTransport = SmtpTransport;

export type BulkTransportOptions = {
  /** smtp:// or smtps:// URL; defaults to SMTP_URL. */
  url?: string;
  maxConnections?: number;
  dkim?: DkimConfig;
};

/** The shared pooled transport (lib/smtp-transport.ts) with more connections, for bulk sending. */
export function createBulkTransport(options: BulkTransportOptions = {}): BulkTransport {
  const url = options.url ?? env.SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set: campaign mail needs an SMTP server (npm start sets the local catcher).');
  const transport = createSmtpTransport(url, { maxConnections: options.maxConnections ?? 8, dkim: options.dkim });
  // NOTE: until createSmtpTransport passes `getSocket: noDelaySocket` itself (asked of its owner).
  (transport.transporter as unknown as { getSocket: typeof noDelaySocket }).getSocket = noDelaySocket;
  return transport;
}
