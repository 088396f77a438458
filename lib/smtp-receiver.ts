import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { log } from '@/lib/log';

export type ReceivedMessage = { raw: Buffer; from: string; to: string[] };

export type SmtpReceiverOptions = {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Shown in the greeting and in logs. */
  name: string;
  banner: string;
  sizeLimit: number;
  /** Recipients refused with 550; every address is accepted when absent. */
  acceptsRecipient?: (address: string) => boolean;
  /** Resolves once the message is kept; a rejection answers 451, so the sender tries again. */
  store: (message: ReceivedMessage) => Promise<void>;
};

export type RunningSmtpReceiver = { port: number; stop(): Promise<void> };

/**
 * An SMTP server that takes whole messages and acknowledges each only after `store` kept it
 * (no auth, no TLS: for loopback, or behind a forwarding MTA). The mail catcher and the
 * unsubscribe mailbox are both this.
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<RunningSmtpReceiver> {
  const receiverLog = log.child({ component: options.name });
  const server = new SMTPServer({
    name: options.name,
    banner: options.banner,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: options.sizeLimit,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!options.acceptsRecipient || options.acceptsRecipient(address.address)) return callback();
      callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error(`Message exceeds the ${options.sizeLimit} byte limit`), { responseCode: 552 }));
          return;
        }
        const message = {
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        options.store(message).then(
          () => callback(),
          (error: unknown) => {
            receiverLog.error({ err: error }, 'could not keep a message');
            callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (error) => receiverLog.error({ err: error }, 'SMTP server error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
