import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Region } from '@/lib/generated/prisma/enums';
import { kazakhstanDateKeySql } from '@/lib/time/sql';

export type PetitionFigures = {
  confirmed: number;
  /** Of the confirmed, those gathered offline (paper sheets, another platform) and imported. */
  offline: number;
  pending: number;
  perDay: Array<{ day: string; count: number }>;
  perRegion: Array<{ region: Region; count: number }>;
};

/** Organizer figures; true counts are fine here (a few organizers, not a surge of readers). */
export async function getPetitionFigures(petitionId: string, days = 60): Promise<PetitionFigures> {
  const [statusRows, offline, perDay, perRegion] = await Promise.all([
    db.signature.groupBy({ by: ['status'], where: { petitionId }, _count: { _all: true } }),
    db.signature.count({ where: { petitionId, status: 'CONFIRMED', channel: 'OFFLINE' } }),
    db.$queryRaw<Array<{ day: string; count: number }>>`
      WITH last AS (SELECT max("confirmedAt") AS at FROM "Signature" WHERE "petitionId" = ${petitionId} AND status = 'CONFIRMED')
      SELECT ${kazakhstanDateKeySql(Prisma.sql`"confirmedAt"`)} AS day, count(*)::int AS count
        FROM "Signature", last
       WHERE "petitionId" = ${petitionId} AND status = 'CONFIRMED' AND "confirmedAt" > last.at - make_interval(days => ${days})
       GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Array<{ region: Region; count: number }>>`
      SELECT region, count(*)::int AS count FROM "Signature"
       WHERE "petitionId" = ${petitionId} AND status = 'CONFIRMED' GROUP BY region ORDER BY count DESC`,
  ]);
  const byStatus = Object.fromEntries(statusRows.map((row) => [row.status, row._count._all]));
  return { confirmed: byStatus.CONFIRMED ?? 0, offline, pending: byStatus.PENDING ?? 0, perDay, perRegion };
}

export type AbuseFigures = {
  flagged: number;
  networks: Array<{ network: string; count: number }>;
  domains: Array<{ domain: string; count: number }>;
};

/** The newest signatures the abuse figures look at; a burst beyond this is flagged anyway. */
export const ABUSE_SAMPLE = 20_000;

function heaviest<Key extends string>(values: string[], key: Key): Array<Record<Key, string> & { count: number }> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([value, count]) => ({ [key]: value, count }) as Record<Key, string> & { count: number });
}

/**
 * The last hour's heaviest networks and mail domains, and the signatures flagged as bursts. Networks
 * and addresses are sealed, so the hour's rows (at most ABUSE_SAMPLE, newest first) are opened here;
 * opening 20,000 takes tens of milliseconds.
 */
export async function getAbuseFigures(petitionId: string, now = new Date()): Promise<AbuseFigures> {
  const since = new Date(now.getTime() - 3600_000);
  const [flagged, recent, keys] = await Promise.all([
    db.signature.count({ where: { petitionId, isFlagged: true, createdAt: { gte: since } } }),
    db.signature.findMany({
      where: { petitionId, createdAt: { gte: since } },
      orderBy: { id: 'desc' },
      take: ABUSE_SAMPLE,
      select: { ipPrefixSealed: true, emailSealed: true },
    }),
    keyring(),
  ]);
  return {
    flagged,
    networks: heaviest(
      recent.map((row) => keys.openOptional('network', row.ipPrefixSealed) ?? 'unknown'),
      'network',
    ),
    domains: heaviest(
      recent.map((row) => keys.open('email', row.emailSealed).split('@')[1] ?? ''),
      'domain',
    ),
  };
}

export async function findConsolePetitions() {
  const rows = await db.petition.findMany({
    orderBy: { createdAt: 'desc' },
    select: { id: true, slug: true, title: true, status: true, goal: true, isDemo: true },
  });
  const counts = await db.signature.groupBy({ by: ['petitionId', 'status'], _count: { _all: true } });
  return rows.map((row) => ({
    ...row,
    confirmed: counts.find((c) => c.petitionId === row.id && c.status === 'CONFIRMED')?._count._all ?? 0,
    pending: counts.find((c) => c.petitionId === row.id && c.status === 'PENDING')?._count._all ?? 0,
  }));
}

export function findPetitionForEdit(id: string) {
  return db.petition.findUnique({ where: { id } });
}
