import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Keyring } from '@/lib/security/personal-data';
import type { SupporterFilter } from '@/lib/supporters/schemas';

/** Whether a table exists; capabilities land one by one, and their activity joins only when present. */
export async function existingTables(): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_name IN ('Signature', 'Rsvp', 'ReformSubscription')`;
  return new Set(rows.map((row) => row.name));
}

function activitySql(activity: NonNullable<SupporterFilter['activity']>, tables: Set<string>): Prisma.Sql {
  const signed = tables.has('Signature')
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Signature" x WHERE x."supporterId" = s.id)`
    : Prisma.sql`false`;
  const rsvped = tables.has('Rsvp') ? Prisma.sql`EXISTS (SELECT 1 FROM "Rsvp" x WHERE x."supporterId" = s.id)` : Prisma.sql`false`;
  const subscribed = tables.has('ReformSubscription')
    ? Prisma.sql`EXISTS (SELECT 1 FROM "ReformSubscription" x WHERE x."supporterId" = s.id)`
    : Prisma.sql`false`;
  const mailed = Prisma.sql`EXISTS (SELECT 1 FROM "CampaignRecipient" x WHERE x."supporterId" = s.id AND x.status = 'SENT')`;
  switch (activity) {
    case 'signed':
      return signed;
    case 'rsvped':
      return rsvped;
    case 'subscribed':
      return subscribed;
    case 'mailed':
      return mailed;
    case 'none':
      return Prisma.sql`NOT (${signed} OR ${rsvped} OR ${subscribed})`;
  }
}

/**
 * WHERE condition over `"Supporter" s` for the list and for bulk tagging. Addresses and names are
 * sealed, so `q` finds one person by their whole address (its blind index), not a part of it.
 */
export function supporterFilterSql(filter: SupporterFilter, tables: Set<string>, keys: Keyring): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (filter.q) conditions.push(Prisma.sql`s."emailIndex" = ${keys.emailIndex(filter.q)}`);
  if (filter.tagId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "SupporterTag" st WHERE st."supporterId" = s.id AND st."tagId" = ${filter.tagId})`);
  }
  if (filter.region) conditions.push(Prisma.sql`s.region::text = ${filter.region}`);
  if (filter.locale) conditions.push(Prisma.sql`s.locale::text = ${filter.locale}`);
  if (filter.activity) conditions.push(activitySql(filter.activity, tables));
  return Prisma.join(conditions, ' AND ');
}
