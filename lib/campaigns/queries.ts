import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import type { CampaignRecipientStatus } from '@/lib/generated/prisma/enums';

export function listCampaigns() {
  return db.emailCampaign.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      name: true,
      status: true,
      scheduledAt: true,
      startedAt: true,
      finishedAt: true,
      recipientCount: true,
      sentCount: true,
      createdAt: true,
    },
  });
}

export function getCampaign(campaignId: string) {
  return db.emailCampaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      name: true,
      subject: true,
      body: true,
      audience: true,
      status: true,
      scheduledAt: true,
      useNeutralSender: true,
      subjectPrefix: true,
      recipientCount: true,
      startedAt: true,
      finishedAt: true,
      createdBy: { select: { email: true } },
    },
  });
}

export type CampaignProgress = {
  status: string;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  left: number;
  /** Mails per second over the last minute. */
  ratePerSecond: number;
  etaSeconds: number | null;
};

/** Live progress from the ledger (one GROUP BY over an index), for the progress bar. */
export async function getCampaignProgress(campaignId: string): Promise<CampaignProgress | null> {
  const campaign = await db.emailCampaign.findUnique({ where: { id: campaignId }, select: { status: true } });
  if (!campaign) return null;
  const rows = await db.$queryRaw<Array<{ sent: number; failed: number; skipped: number; left: number; recent: number }>>`
    SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent,
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE status = 'SKIPPED')::int AS skipped,
           count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS left,
           count(*) FILTER (WHERE status = 'SENT' AND "sentAt" > now() - interval '60 seconds')::int AS recent
    FROM "CampaignRecipient" WHERE "campaignId" = ${campaignId}`;
  const { sent = 0, failed = 0, skipped = 0, left = 0, recent = 0 } = rows[0] ?? {};
  const ratePerSecond = recent / 60;
  return {
    status: campaign.status,
    total: sent + failed + skipped + left,
    sent,
    failed,
    skipped,
    left,
    ratePerSecond,
    etaSeconds: left > 0 && ratePerSecond > 0 ? Math.ceil(left / ratePerSecond) : null,
  };
}

export const RECIPIENTS_PAGE_SIZE = 100;

/** How many recipients each status holds (one GROUP BY over the campaign's index), for the table's filter and pages. */
export async function countRecipientsByStatus(campaignId: string): Promise<Partial<Record<CampaignRecipientStatus, number>>> {
  const groups = await db.campaignRecipient.groupBy({ by: ['status'], where: { campaignId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}

/** One page of the recipients table; `page` counts from 1. */
export async function listRecipients(campaignId: string, status: CampaignRecipientStatus | undefined, page = 1) {
  const rows = await db.campaignRecipient.findMany({
    where: { campaignId, ...(status ? { status } : {}) },
    orderBy: { id: 'asc' },
    skip: (page - 1) * RECIPIENTS_PAGE_SIZE,
    take: RECIPIENTS_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      locale: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      nextAttemptAt: true,
      supporter: { select: { id: true, emailSealed: true } },
    },
  });
  const keys = await keyring();
  return rows.map(({ supporter, ...row }) => ({
    ...row,
    supporter: { id: supporter.id, email: keys.open('email', supporter.emailSealed) },
  }));
}

/** Petitions (and later events, reforms) an organizer can pick as audience sources. */
export async function listAudienceChoices() {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_name IN ('Petition', 'Event', 'Reform')`;
  const has = new Set(tables.map((t) => t.name));
  const petitions = has.has('Petition')
    ? await db.$queryRaw<Array<{ id: string; title: unknown }>>`SELECT id, title FROM "Petition" ORDER BY "createdAt" DESC LIMIT 200`
    : [];
  const events = has.has('Event')
    ? await db.$queryRaw<Array<{ id: string; title: unknown }>>`SELECT id, title FROM "Event" ORDER BY "startsAt" DESC LIMIT 300`
    : [];
  const tags = await db.tag.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  return { petitions, events, tags };
}
