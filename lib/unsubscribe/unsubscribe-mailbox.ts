import { simpleParser } from 'mailparser';
import { isBounceAddress } from '@/lib/bounces/return-path';
import { handleBounceMail } from '@/lib/bounces/record-bounce';
import { startSmtpReceiver, type RunningSmtpReceiver } from '@/lib/smtp-receiver';
import { findUnsubscribeToken, unsubscribeMailbox, verifyUnsubscribeToken } from '@/lib/unsubscribe/tokens';
import { unsubscribe } from '@/lib/unsubscribe/unsubscribe';

/** A delivery status notification may return the whole original message; a campaign mail is small. */
const SIZE_LIMIT = 2 * 1024 * 1024;

export type UnsubscribeMailOutcome = 'unsubscribed' | 'no-valid-token';

/**
 * What a message sent to the List-Unsubscribe mailto does: the signed token its subject carries
 * (or its text, when a mail program moved it there) unsubscribes exactly like the one-click URL.
 * The sender's address proves nothing and is not used.
 */
export async function handleUnsubscribeMail(raw: Buffer): Promise<UnsubscribeMailOutcome> {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipImageLinks: true, skipTextLinks: true }).catch(() => null);
  for (const text of [parsed?.subject ?? '', (parsed?.text ?? '').slice(0, 8192)]) {
    const claim = verifyUnsubscribeToken(findUnsubscribeToken(text));
    if (claim) {
      await unsubscribe(claim);
      return 'unsubscribed';
    }
  }
  return 'no-valid-token';
}

/**
 * Receives mail for the unsubscribe address and the bounce addresses (`bounces+<token>@`, the
 * return path of every mail sent, lib/bounces/return-path.ts) only: 550 for any other, no relay.
 * A message is acknowledged after its unsubscribe or bounce is stored; a database failure answers
 * 451, so the sending server tries again later and nothing accepted is lost.
 */
export function startUnsubscribeMailbox(options: { port: number; host?: string }): Promise<RunningSmtpReceiver> {
  const mailbox = unsubscribeMailbox().toLowerCase();
  return startSmtpReceiver({
    port: options.port,
    host: options.host ?? '0.0.0.0',
    name: 'dauys-unsubscribe-mailbox',
    banner: 'Dauys unsubscribe mailbox',
    sizeLimit: SIZE_LIMIT,
    acceptsRecipient: (address) => address.toLowerCase() === mailbox || isBounceAddress(address),
    store: async ({ raw, to }) => {
      const bounceRecipients = to.filter(isBounceAddress);
      if (bounceRecipients.length > 0) await handleBounceMail(raw, bounceRecipients);
      if (to.some((address) => address.toLowerCase() === mailbox)) await handleUnsubscribeMail(raw);
    },
  });
}
