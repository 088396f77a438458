import { z } from 'zod';
import type { Keyring } from '@/lib/security/keyring';

/**
 * Everything the mailbox shows of a caught message. CaughtMail keeps it sealed in one column
 * (kind 'mail'), so a demo database holds no readable address, name or link; the list and the
 * search open it after a bounded query.
 */
export const CaughtMessageSchema = z.object({
  /** The From header as written, e.g. `"Dauys" <no-reply@dauys.test>`. */
  from: z.string(),
  /** The envelope recipients. */
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string().nullable(),
  html: z.string().nullable(),
  /** The whole message as received. */
  raw: z.string(),
});

export type CaughtMessage = z.output<typeof CaughtMessageSchema>;

export function sealCaughtMessage(ring: Keyring, message: CaughtMessage): Promise<string> {
  return ring.sealCompressed('mail', JSON.stringify(message));
}

export function openCaughtMessage(ring: Keyring, sealed: string): CaughtMessage {
  return CaughtMessageSchema.parse(JSON.parse(ring.open('mail', sealed)));
}

/** Whether `address` is among the message's recipients (an envelope address, any case). */
export function isCaughtFor(message: Pick<CaughtMessage, 'to'>, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return message.to.some((recipient) => {
    const lower = recipient.toLowerCase();
    return lower === wanted || lower.endsWith(`<${wanted}>`);
  });
}
