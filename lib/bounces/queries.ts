import { Prisma } from '@/lib/generated/prisma/client';
import type { MailBounceKind } from '@/lib/generated/prisma/enums';
import { redactAddresses } from '@/lib/bounces/delivery-status';
import { db } from '@/lib/db';
import { maskAddress } from '@/lib/mailer/mail-health';
import { keyring } from '@/lib/security/personal-data';
import { kazakhstanDateKeySql } from '@/lib/time/sql';

export type SuppressedAddress = { supporterId: string; to: string; bouncedAt: Date; reason: string | null };

/** Supporters no campaign mail reaches because their address bounced (at send time or by a report), newest first. */
export async function findSuppressedAddresses(limit: number): Promise<SuppressedAddress[]> {
  const rows = await db.supporter.findMany({
    where: { bouncedAt: { not: null } },
    orderBy: [{ bouncedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    select: { id: true, emailSealed: true, bouncedAt: true, bounceReason: true },
  });
  const ring = await keyring();
  return rows.map((row) => ({
    supporterId: row.id,
    to: maskAddress(ring.open('email', row.emailSealed)),
    bouncedAt: row.bouncedAt!,
    // A relay's refusal recorded at send time may quote the address.
    reason: row.bounceReason ? redactAddresses(row.bounceReason) : null,
  }));
}

export type BounceRow = {
  id: string;
  createdAt: Date;
  to: string | null;
  kind: MailBounceKind;
  status: string;
  diagnostic: string | null;
  campaignName: string | null;
  lifted: boolean;
};

/** The latest delivery status notifications received, newest first. */
export async function findRecentBounces(limit: number): Promise<BounceRow[]> {
  const rows = await db.mailBounce.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
    include: { supporter: { select: { emailSealed: true } } },
  });
  const campaignIds = [...new Set(rows.flatMap((row) => (row.campaignId ? [row.campaignId] : [])))];
  const campaigns = await db.emailCampaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, name: true } });
  const names = new Map(campaigns.map((campaign) => [campaign.id, campaign.name]));
  const ring = await keyring();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    to: row.supporter ? maskAddress(ring.open('email', row.supporter.emailSealed)) : null,
    kind: row.kind,
    status: row.status,
    diagnostic: row.diagnostic,
    campaignName: row.campaignId ? (names.get(row.campaignId) ?? null) : null,
    lifted: row.liftedAt !== null,
  }));
}

/** Campaigns that have had at least one bounce, newest first: the choices of the trend. */
export async function findCampaignsWithBounces(): Promise<Array<{ id: string; name: string }>> {
  return db.emailCampaign.findMany({
    where: {
      id: {
        in: (
          await db.mailBounce.findMany({ where: { campaignId: { not: null } }, distinct: ['campaignId'], select: { campaignId: true } })
        ).map((row) => row.campaignId!),
      },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { id: true, name: true },
  });
}

export type BounceTrendDay = { day: string; hard: number; soft: number };

/** A campaign's bounces per Kazakhstan day, oldest first. */
export async function campaignBounceTrend(campaignId: string): Promise<BounceTrendDay[]> {
  const day = kazakhstanDateKeySql(Prisma.sql`b."createdAt"`);
  const rows = await db.$queryRaw<Array<{ day: string; hard: bigint; soft: bigint }>>`
    SELECT ${day} AS day,
           count(*) FILTER (WHERE b.kind = 'HARD') AS hard,
           count(*) FILTER (WHERE b.kind = 'SOFT') AS soft
    FROM "MailBounce" b
    WHERE b."campaignId" = ${campaignId}
    GROUP BY 1
    ORDER BY 1`;
  return rows.map((row) => ({ day: row.day, hard: Number(row.hard), soft: Number(row.soft) }));
}
