import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { mailDomain } from '@/lib/smtp-transport';
import { verifyUnsubscribeToken } from '@/lib/unsubscribe/tokens';
import { unsubscribe } from '@/lib/unsubscribe/unsubscribe';

/** A reply to the List-Unsubscribe mailto: headers, the subject and a little text; never more. */
const SIZE_LIMIT = 256 * 1024;
const TOKEN_IN_TEXT = /\bunsubscribe\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/i;

export type UnsubscribeMailOutcome = 'unsubscribed' | 'no-valid-token';

/**
 * What a message sent to the List-Unsubscribe mailto does: the signed token its subject carries
 * (`unsubscribe <token>`, or in the text when a mail program moved it there) unsubscribes exactly
 * like the one-click URL. The sender's address proves nothing and is not used.
 */
export async function handleUnsubscribeMail(raw: Buffer): Promise<UnsubscribeMailOutcome> {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipImageLinks: true, skipTextLinks: true }).catch(() => null);
  for (const text of [parsed?.subject ?? '', (parsed?.text ?? '').slice(0, 8192)]) {
    const claim = verifyUnsubscribeToken(TOKEN_IN_TEXT.exec(text)?.[1] ?? null);
    if (claim) {
      await unsubscribe(claim);
      return 'unsubscribed';
    }
  }
  return 'no-valid-token';
}

export function unsubscribeMailboxAddress(): string {
  return `unsubscribe@${mailDomain()}`;
}

function readLimited(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => (stream.sizeExceeded ? reject(Object.assign(new Error('Message too large'), { responseCode: 552 })) : resolve(Buffer.concat(chunks))));
  });
}

export type RunningUnsubscribeMailbox = { port: number; stop(): Promise<void> };

/**
 * An SMTP server that receives mail for the unsubscribe address only (no relay, no other
 * mailboxes). A message is acknowledged after its unsubscribe is stored; a database failure
 * answers 451, so the sending server tries again later and nothing accepted is lost.
 */
export async function startUnsubscribeMailbox(options: { port: number; host?: string }): Promise<RunningUnsubscribeMailbox> {
  const mailbox = unsubscribeMailboxAddress().toLowerCase();
  const server = new SMTPServer({
    name: mailDomain(),
    banner: 'Dauys unsubscribe mailbox',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: SIZE_LIMIT,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === mailbox) return callback();
      callback(Object.assign(new Error(`No such mailbox here: only ${mailbox}`), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      readLimited(stream)
        .then(handleUnsubscribeMail)
        .then(
          () => callback(),
          (error: Error & { responseCode?: number }) => {
            if (error.responseCode) return callback(error);
            console.error('[unsubscribe mailbox] could not record an unsubscribe', error);
            callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          },
        );
    },
  });
  server.on('error', (error) => console.error('[unsubscribe mailbox]', error));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
