import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Region } from '@/lib/generated/prisma/enums';
import { keyring, type Keyring, type SealedKind } from '@/lib/security/personal-data';
import { existingTables, supporterFilterSql } from '@/lib/supporters/filter-sql';
import type { SupporterFilter } from '@/lib/supporters/schemas';

export const PAGE_SIZE = 50;

export type SupporterRow = {
  id: string;
  email: string;
  name: string | null;
  locale: string;
  region: Region | null;
  createdAt: Date;
  tags: string[];
};

type SealedSupporterRow = Omit<SupporterRow, 'email' | 'name'> & { emailSealed: string; nameSealed: string | null };

export async function searchSupporters(filter: SupporterFilter, page = 0): Promise<{ rows: SupporterRow[]; total: number }> {
  const keys = await keyring();
  const where = supporterFilterSql(filter, await existingTables(), keys);
  const [rows, count] = await Promise.all([
    db.$queryRaw<SealedSupporterRow[]>`
      SELECT s.id, s."emailSealed", s."nameSealed", s.locale::text AS locale, s.region::text AS region, s."createdAt",
        COALESCE((SELECT array_agg(t.name ORDER BY t.name) FROM "SupporterTag" st JOIN "Tag" t ON t.id = st."tagId"
          WHERE st."supporterId" = s.id), '{}') AS tags
      FROM "Supporter" s WHERE ${where}
      ORDER BY s."createdAt" DESC, s.id LIMIT ${PAGE_SIZE} OFFSET ${page * PAGE_SIZE}`,
    db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM "Supporter" s WHERE ${where}`,
  ]);
  return {
    rows: rows.map(({ emailSealed, nameSealed, ...row }) => ({
      ...row,
      email: keys.open('email', emailSealed),
      name: keys.openOptional('name', nameSealed),
    })),
    total: count[0]?.count ?? 0,
  };
}

export function listTags() {
  return db.tag.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, _count: { select: { supporters: true } } } });
}

type ActivityRow = Record<string, unknown>;

const SEALED_COLUMNS: Record<string, SealedKind> = {
  emailSealed: 'email',
  nameSealed: 'name',
  fullNameSealed: 'name',
  citySealed: 'place',
  commentSealed: 'text',
  ipPrefixSealed: 'network',
};

/** A row as an organizer reads it: `fooSealed` opened as `foo`, and no blind index. */
export function openSealedColumns(row: ActivityRow, keys: Keyring): ActivityRow {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => column !== 'emailIndex')
      .map(([column, value]) => {
        const kind = SEALED_COLUMNS[column];
        return kind ? [column.replace(/Sealed$/, ''), keys.openOptional(kind, value as string | null)] : [column, value];
      }),
  );
}

/** Rows of another capability's table for one supporter, when that table exists. */
async function activityOf(
  table: 'Signature' | 'Rsvp' | 'ReformSubscription',
  supporterId: string,
  tables: Set<string>,
): Promise<ActivityRow[]> {
  if (!tables.has(table)) return [];
  // The table name comes from the fixed union above, never from input.
  const [rows, keys] = await Promise.all([
    db.$queryRawUnsafe<ActivityRow[]>(`SELECT * FROM "${table}" WHERE "supporterId" = $1 ORDER BY "createdAt" DESC LIMIT 200`, supporterId),
    keyring(),
  ]);
  return rows.map((row) => openSealedColumns(row, keys));
}

/**
 * Everything the console shows about one person. Reading it is audit-logged as `supporter.view`
 * (the record shown to an organizer) or `supporter.export` (a subject access request), so no page
 * or route can read a person's data for an organizer without leaving a trace.
 */
export async function getSupporterDetail(
  supporterId: string,
  viewer: { id: string },
  purpose: 'supporter.view' | 'supporter.export' = 'supporter.view',
) {
  const supporter = await db.supporter.findUnique({
    where: { id: supporterId },
    omit: { emailIndex: true },
    include: {
      consents: { orderBy: { givenAt: 'desc' } },
      unsubscribes: { orderBy: { createdAt: 'desc' } },
      tags: { include: { tag: true }, orderBy: { createdAt: 'asc' } },
      campaignRecipients: {
        orderBy: { id: 'desc' },
        take: 100,
        select: { status: true, sentAt: true, lastError: true, campaign: { select: { id: true, name: true } } },
      },
    },
  });
  if (!supporter) return null;
  await recordAudit({ actorId: viewer.id, action: purpose, subjectType: 'Supporter', subjectId: supporterId });
  const keys = await keyring();
  const { emailSealed, nameSealed, citySealed, ...rest } = supporter;
  const person = {
    ...rest,
    email: keys.open('email', emailSealed),
    name: keys.openOptional('name', nameSealed),
    city: keys.openOptional('place', citySealed),
  };
  const tables = await existingTables();
  const [signatures, rsvps, subscriptions] = await Promise.all([
    activityOf('Signature', supporterId, tables),
    activityOf('Rsvp', supporterId, tables),
    activityOf('ReformSubscription', supporterId, tables),
  ]);
  return { supporter: person, signatures, rsvps, subscriptions };
}
