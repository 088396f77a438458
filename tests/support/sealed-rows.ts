import { db } from '@/lib/db';
import type { OutboundMail, Prisma } from '@/lib/generated/prisma/client';
import { keyring } from '@/lib/security/personal-data';

/** A supporter's personal columns sealed as the app writes them, for tests that insert rows directly. */
export async function sealedSupporter(email: string, name?: string) {
  const ring = await keyring();
  return { emailIndex: ring.emailIndex(email), emailSealed: ring.seal('email', email), nameSealed: ring.sealOptional('name', name) };
}

/** A signer's personal columns, sealed. */
export async function sealedSigner(email: string, fullName: string) {
  const ring = await keyring();
  return { emailIndex: ring.emailIndex(email), emailSealed: ring.seal('email', email), fullNameSealed: ring.seal('name', fullName) };
}

export type StoredMailPayload = {
  props: Record<string, unknown>;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string; contentType: string }[];
};

export type OpenedOutboundMail = Omit<OutboundMail, 'toAddressSealed' | 'payloadSealed'> & {
  toAddress: string;
  /** Null once the row is final. */
  payload: StoredMailPayload | null;
};

/**
 * Outbox rows (oldest first unless `orderBy` says otherwise) with the address and the payload
 * opened; `to` keeps those to that address as it was typed: sealed, the database cannot filter on it.
 */
export async function openedOutbox(
  where: Prisma.OutboundMailWhereInput = {},
  options: { to?: string; orderBy?: Prisma.OutboundMailOrderByWithRelationInput } = {},
): Promise<OpenedOutboundMail[]> {
  const ring = await keyring();
  const rows = await db.outboundMail.findMany({ where, orderBy: [options.orderBy ?? { createdAt: 'asc' }, { id: 'asc' }] });
  const opened = rows.map(({ toAddressSealed, payloadSealed, ...row }) => ({
    ...row,
    toAddress: ring.open('email', toAddressSealed),
    payload: payloadSealed === null ? null : (JSON.parse(ring.open('mail', payloadSealed)) as StoredMailPayload),
  }));
  return options.to === undefined ? opened : opened.filter((row) => row.toAddress === options.to);
}
