import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { keyring, type Keyring, type SealedKind } from '@/lib/security/personal-data';
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
  const keys = await keyring();
  return { emailIndex: keys.emailIndex(email), emailSealed: keys.seal('email', email), fullNameSealed: keys.seal('name', fullName) };
}

type OutboundMailRow = Awaited<ReturnType<typeof db.outboundMail.findMany>>[number];
export type OpenedMail = OutboundMailRow & { toAddress: string; payload: unknown };

/** Outbox rows to `email` (exactly as typed, or any address when omitted), newest first, opened. */
export async function outboxTo(email?: string, where: Prisma.OutboundMailWhereInput = {}): Promise<OpenedMail[]> {
  const keys = await keyring();
  const rows = await db.outboundMail.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows
    .map((row) => ({
      ...row,
      toAddress: keys.open('email', row.toAddressSealed),
      payload: row.payloadSealed ? (JSON.parse(keys.open('mail', row.payloadSealed)) as unknown) : null,
    }))
    .filter((row) => email === undefined || row.toAddress === email);
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

const SEALED_VALUE = /^v1\.\d+\.[A-Za-z0-9_-]+$/;
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
