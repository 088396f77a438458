import { fromPrisma } from 'pg-boss';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openCaughtMessage } from '@/lib/mailbox/caught-message';
import { getQueue, QUEUE_SCHEMA } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';

/*
 * The places a person's address or name can linger outside their own rows, for erasure
 * (lib/supporters/erase-supporter.ts): caught demo mail, the job queue (a mail.send job carries the
 * rendered message), and audit details. Addresses are matched lower-cased, anywhere in the text.
 */

type Tx = Prisma.TransactionClient;

/** Written where an erased address or name stood. */
export const ERASED_TEXT = '[erased]';

/** Deletes caught mail sent to or mentioning any of `addresses` (lower-cased); it is sealed, so each is opened. */
export async function deleteCaughtMailMentioning(tx: Tx, addresses: string[]): Promise<number> {
  if (addresses.length === 0) return 0;
  const keys = await keyring();
  const rows = await tx.caughtMail.findMany({ select: { id: true, message: true } });
  const mentioning = rows
    .filter((row) => {
      const message = openCaughtMessage(keys, row.message);
      const text = `${message.to.join(' ')} ${message.raw}`.toLowerCase();
      return addresses.some((address) => text.includes(address));
    })
    .map((row) => row.id);
  if (mentioning.length === 0) return 0;
  return (await tx.caughtMail.deleteMany({ where: { id: { in: mentioning } } })).count;
}

/**
 * Deletes, in `tx`, every job (queued, running or finished) whose data or output mentions one of
 * `addresses` or belongs to one of the outbox rows `outboundMailIds`: pg-boss's own deleteJob, so
 * its bookkeeping stays right. The mail those jobs carried is already marked as not to be sent.
 */
export async function deleteJobsMentioning(tx: Tx, addresses: string[], outboundMailIds: string[]): Promise<number> {
  if (addresses.length === 0 && outboundMailIds.length === 0) return 0;
  const boss = await getQueue();
  const jobs = await tx.$queryRawUnsafe<Array<{ name: string; ids: string[] }>>(
    `SELECT j.name, array_agg(j.id::text) AS ids FROM ${QUEUE_SCHEMA}.job j
      WHERE j.data->>'outboundMailId' = ANY($2::text[])
         OR EXISTS (SELECT 1 FROM unnest($1::text[]) a
                     WHERE strpos(lower(j.data::text), a) > 0 OR strpos(lower(COALESCE(j.output::text, '')), a) > 0)
      GROUP BY j.name`,
    addresses,
    outboundMailIds,
  );
  let deleted = 0;
  for (const { name, ids } of jobs) {
    await boss.deleteJob(name, ids, { db: fromPrisma(tx) });
    deleted += ids.length;
  }
  return deleted;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `value` with every address replaced and every string that is one of `names` replaced whole. */
function scrubJson(value: Prisma.JsonValue, addresses: RegExp | null, names: Set<string>): Prisma.JsonValue {
  if (typeof value === 'string') {
    if (names.has(value.trim().toLowerCase())) return ERASED_TEXT;
    return addresses ? value.replace(addresses, ERASED_TEXT) : value;
  }
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, addresses, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrubJson(key, addresses, names) as string, scrubJson(item ?? null, addresses, names)]),
    );
  }
  return value;
}

/**
 * Replaces the addresses (anywhere) and names (as whole values) in audit details: the entries
 * stay, so what was done and when is still known, but not to whom.
 */
export async function scrubAuditDetails(tx: Tx, addresses: string[], names: string[]): Promise<number> {
  const nameValues = names.map((name) => JSON.stringify(name.toLowerCase()));
  if (addresses.length === 0 && nameValues.length === 0) return 0;
  const rows = await tx.$queryRaw<Array<{ id: string; details: Prisma.JsonValue }>>`
    SELECT id, details FROM "AuditLog" l
     WHERE l.details IS NOT NULL
       AND EXISTS (SELECT 1 FROM unnest(${[...addresses, ...nameValues]}::text[]) a WHERE strpos(lower(l.details::text), a) > 0)`;
  const addressPattern = addresses.length > 0 ? new RegExp(addresses.map(escapeRegExp).join('|'), 'gi') : null;
  const nameSet = new Set(names.map((name) => name.trim().toLowerCase()));
  for (const row of rows) {
    await tx.auditLog.update({
      where: { id: row.id },
      data: { details: scrubJson(row.details, addressPattern, nameSet) as Prisma.InputJsonValue },
    });
  }
  return rows.length;
}
