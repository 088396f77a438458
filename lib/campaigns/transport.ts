import { createSmtpTransport, type DkimConfig, type SmtpTransport } from '@/lib/smtp-transport';
import { env } from '@/lib/env';

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
  return createSmtpTransport(url, { maxConnections: options.maxConnections ?? 8, dkim: options.dkim });
}
