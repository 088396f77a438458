import { createHmac, timingSafeEqual } from 'node:crypto';
import { requireAuthSecret } from '@/lib/env';
import { mailDomain } from '@/lib/smtp-transport';

/*
 * The envelope sender (SMTP MAIL FROM) of every mail Dauys sends is `bounces+<token>@<MAIL_FROM domain>`,
 * so a delivery status notification comes back to an address that says which mail it is about.
 * The token is `<kind><id>-<mac>`: kind `m` for an outbox row (a UUID), `c` for a campaign recipient, and a
 * truncated HMAC so a forged notification cannot suppress somebody else. Lower-case hex only: some
 * relays fold the case of a local part, and the whole local part stays under 64 characters.
 */

export type BounceSubject = { kind: 'outbound'; outboundMailId: string } | { kind: 'campaign'; campaignRecipientId: bigint };

const PURPOSE = 'dauys.bounce.v1';
/** 64 bits: every guess costs a whole SMTP message; a UUID id still leaves the local part under 64 characters. */
const MAC_HEX_LENGTH = 16;
const LOCAL_PREFIX = 'bounces';

function mac(value: string): string {
  return createHmac('sha256', requireAuthSecret()).update(`${PURPOSE}.${value}`).digest('hex').slice(0, MAC_HEX_LENGTH);
}

function valueOf(subject: BounceSubject): string {
  return subject.kind === 'outbound' ? `m${subject.outboundMailId}` : `c${subject.campaignRecipientId.toString()}`;
}

export function bounceToken(subject: BounceSubject): string {
  const value = valueOf(subject);
  return `${value}-${mac(value)}`;
}

/** The envelope sender for one mail: `bounces+<token>@<domain>`. */
export function bounceAddress(subject: BounceSubject): string {
  return `${LOCAL_PREFIX}+${bounceToken(subject)}@${mailDomain()}`;
}

/** Whether the receiver takes mail for this recipient (any token: a forged one is checked later). */
export function isBounceAddress(address: string): boolean {
  const [local, domain] = address.toLowerCase().split('@');
  return domain === mailDomain().toLowerCase() && !!local?.startsWith(`${LOCAL_PREFIX}+`);
}

/** The mail a bounce address stands for, when its token is well formed and untampered; else null. */
export function verifyBounceAddress(address: string): BounceSubject | null {
  if (!isBounceAddress(address)) return null;
  const token = address
    .toLowerCase()
    .split('@')[0]!
    .slice(LOCAL_PREFIX.length + 1);
  const match = /^([mc])([a-z0-9-]{1,40})-([0-9a-f]{16})$/.exec(token);
  if (!match) return null;
  const [, kind, id, given] = match as unknown as [string, 'm' | 'c', string, string];
  if (kind === 'c' && !/^[0-9]{1,19}$/.test(id)) return null;
  const expected = Buffer.from(mac(`${kind}${id}`));
  const provided = Buffer.from(given);
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) return null;
  return kind === 'm' ? { kind: 'outbound', outboundMailId: id } : { kind: 'campaign', campaignRecipientId: BigInt(id) };
}
