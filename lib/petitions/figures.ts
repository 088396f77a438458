import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Region } from '@/lib/generated/prisma/enums';
import { kazakhstanDateKeySql } from '@/lib/time/sql';

export type PetitionFigures = {
  confirmed: number;
  pending: number;
  perDay: Array<{ day: string; count: number }>;
  perRegion: Array<{ region: Region; count: number }>;
};

/** Organizer figures; true counts are fine here (a few organizers, not a surge of readers). */
export async function getPetitionFigures(petitionId: string, days = 60): Promise<PetitionFigures> {
  const [statusRows, perDay, perRegion] = await Promise.all([
    db.signature.groupBy({ by: ['status'], where: { petitionId }, _count: { _all: true } }),
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
  return { confirmed: byStatus.CONFIRMED ?? 0, pending: byStatus.PENDING ?? 0, perDay, perRegion };
}

export type AbuseFigures = {
  flagged: number;
  networks: Array<{ network: string; count: number }>;
  domains: Array<{ domain: string; count: number }>;
};

/** The last hour's heaviest networks and mail domains, and the signatures flagged as bursts. */
export async function getAbuseFigures(petitionId: string, now = new Date()): Promise<AbuseFigures> {
  const since = new Date(now.getTime() - 3600_000);
  const [flagged, networks, domains] = await Promise.all([
    db.signature.count({ where: { petitionId, isFlagged: true, createdAt: { gte: since } } }),
    db.$queryRaw<Array<{ network: string; count: number }>>`
      SELECT COALESCE("ipPrefix", 'unknown') AS network, count(*)::int AS count FROM "Signature"
       WHERE "petitionId" = ${petitionId} AND "createdAt" >= ${since}
       GROUP BY 1 ORDER BY count DESC LIMIT 10`,
    db.$queryRaw<Array<{ domain: string; count: number }>>`
      SELECT split_part(email, '@', 2) AS domain, count(*)::int AS count FROM "Signature"
       WHERE "petitionId" = ${petitionId} AND "createdAt" >= ${since}
       GROUP BY 1 ORDER BY count DESC LIMIT 10`,
  ]);
  return { flagged, networks, domains };
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
