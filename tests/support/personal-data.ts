import { db } from '@/lib/db';
import type { OutboundMail, Prisma } from '@/lib/generated/prisma/client';
import { keyring, sealPerson, type Keyring, type SealedKind } from '@/lib/security/personal-data';
import { openSealedColumns } from '@/lib/supporters/queries';

/*
 * What tests ask of sealed rows (lib/security/keyring.ts): who an address is, what a row holds
 * opened, and sealed columns to write fixtures with.
 */

export async function emailIndexOf(email: string): Promise<string> {
  return (await keyring()).emailIndex(email);
}

export async function findSupporterByEmail(email: string) {
  return db.supporter.findUnique({ where: { emailIndex: await emailIndexOf(email) } });
}

/** A supporter's sealed columns, for `db.supporter.create({ data: { ...(await sealedSupporter(…)), … } })`. */
export async function sealedSupporter(email: string, name?: string | null) {
  const keys = await keyring();
  return { emailIndex: keys.emailIndex(email), emailSealed: keys.seal('email', email), nameSealed: keys.sealOptional('name', name) };
}

/** A signature's sealed columns. */
export async function sealedSigner(email: string, fullName: string) {
  const { nameSealed, ...person } = sealPerson(await keyring(), { email, name: fullName });
  return { ...person, fullNameSealed: nameSealed };
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

/** Outbox rows to `email` (exactly as typed, or any address when omitted), newest first, opened. */
export function outboxTo(email?: string, where: Prisma.OutboundMailWhereInput = {}): Promise<OpenedOutboundMail[]> {
  return openedOutbox(where, { to: email, orderBy: { createdAt: 'desc' } });
}

/** A row of any table as text, for asserting that no personal value is stored in the clear. */
export async function rawRowText(table: string, where: string, ...params: unknown[]): Promise<string> {
  const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t WHERE ${where}`, ...params);
  return JSON.stringify(rows);
}

/** Rows with their sealed columns opened (`emailSealed` → `email`, …), as an organizer would read them. */
export async function opened<Row extends object>(rows: Row[]): Promise<Array<Row & Record<string, unknown>>> {
  const keys = await keyring();
  return rows.map((row) => openSealedColumns(row as Record<string, unknown>, keys) as Row & Record<string, unknown>);
}

const SEALED_VALUE = /^v1z?\.\d+\.[A-Za-z0-9_-]+$/;
const SEALED_KINDS: SealedKind[] = ['email', 'name', 'place', 'text', 'network', 'mail'];

function openEverything(value: unknown, keys: Keyring): unknown {
  if (typeof value === 'string' && SEALED_VALUE.test(value)) {
    for (const kind of SEALED_KINDS) {
      try {
        return keys.open(kind, value);
      } catch {
        // another kind
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => openEverything(item, keys));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, openEverything(item, keys)]));
  }
  return value;
}

/**
 * The rows of `table` (a quoted, schema-qualified name is fine) as whoever holds the master key reads
 * them: each row as lower-case JSON text with every sealed value opened. For checks that erasure or
 * retention left nothing behind, sealed or not.
 */
export async function readableRows(table: string, where = 'true', ...params: unknown[]): Promise<string[]> {
  const keys = await keyring();
  const rows = await db.$queryRawUnsafe<Array<{ row: unknown }>>(`SELECT row_to_json(t) AS row FROM ${table} t WHERE ${where}`, ...params);
  return rows.map(({ row }) => JSON.stringify(openEverything(row, keys)).toLowerCase());
}
