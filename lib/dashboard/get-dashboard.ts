import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CampaignStatus, ReformStageKind } from '@/lib/generated/prisma/enums';
import { countRecentFailedMail, FAILED_SHOWN_DAYS } from '@/lib/mailer/mail-health';
import { addDays, dateColumnKey, dateRange, endOfKazakhstanDay, kazakhstanDateKey, startOfKazakhstanDay } from '@/lib/time/kazakhstan';
import { kazakhstanDateKeySql } from '@/lib/time/sql';

/** The chart's window: today and the 13 Kazakhstan days before it. */
export const DASHBOARD_DAYS = 14;
/** A petition is "near" its next milestone (or its goal) once it has this share of it. */
export const NEAR_MILESTONE_SHARE = 0.9;
export const SHOWN_PETITIONS = 20;
export const SHOWN_EVENTS = 5;
export const SHOWN_STAGES = 5;
export const SHOWN_CAMPAIGNS = 10;
const LIVE_CAMPAIGN_STATUSES: CampaignStatus[] = ['SENDING', 'PAUSED', 'SCHEDULED'];

/** Texts are {kk, ru, en} columns, read with `localized`. */
type LocalizedText = Prisma.JsonValue;

export type SignatureDay = { day: string; confirmed: number; pending: number };

export type DashboardPetition = {
  id: string;
  title: LocalizedText;
  goal: number;
  /** The public (sharded) count of confirmed signatures. */
  confirmed: number;
  /** Signatures made on each of the DASHBOARD_DAYS days, oldest first, by their status now. */
  days: SignatureDay[];
  today: { confirmed: number; pending: number };
  fortnight: { confirmed: number; pending: number };
  /** The smallest milestone (or the goal) not reached yet; null once the goal is reached. */
  nextMark: { value: number; isGoal: boolean } | null;
  isNearMark: boolean;
};

export type DashboardEvent = {
  id: string;
  title: LocalizedText;
  startsAt: Date;
  seatsTaken: number;
  capacity: number | null;
  waitlisted: number;
};

export type DashboardStage = { id: string; reformId: string; reformTitle: LocalizedText; stage: ReformStageKind; occurredOn: string };

export type DashboardCampaign = {
  id: string;
  name: string;
  status: CampaignStatus;
  scheduledAt: Date | null;
  recipients: number;
  sent: number;
  failed: number;
};

export type Dashboard = {
  today: string;
  firstDay: string;
  petitions: DashboardPetition[];
  events: DashboardEvent[];
  awaitingModeration: number;
  stages: DashboardStage[];
  campaigns: DashboardCampaign[];
  mail: { failed: number; uncertain: number; days: number };
};

/** The next milestone or goal above `confirmed`, and whether it is within reach. */
export function nextMarkOf(confirmed: number, goal: number, milestones: number[]): Pick<DashboardPetition, 'nextMark' | 'isNearMark'> {
  const marks = [...new Set([...milestones, goal])].filter((mark) => mark > confirmed).sort((a, b) => a - b);
  const value = marks[0];
  if (value === undefined) return { nextMark: null, isNearMark: false };
  return { nextMark: { value, isGoal: value === goal }, isNearMark: confirmed >= value * NEAR_MILESTONE_SHARE };
}

/**
 * Signatures per petition and Kazakhstan day from `firstDay` to `today`, by their status now.
 * Bounded: a range scan of the (petitionId, createdAt) index over these petitions' signatures of
 * the window only, not a count of the table; older signatures are never read.
 */
export function signatureDaysSql(petitionIds: string[], firstDay: string, today: string): Prisma.Sql {
  return Prisma.sql`
    SELECT "petitionId", ${kazakhstanDateKeySql(Prisma.sql`"createdAt"`)} AS day,
           (count(*) FILTER (WHERE status = 'CONFIRMED'))::int AS confirmed,
           (count(*) FILTER (WHERE status = 'PENDING'))::int AS pending
      FROM "Signature"
     WHERE "petitionId" = ANY(${petitionIds})
       AND "createdAt" >= ${startOfKazakhstanDay(firstDay)} AND "createdAt" < ${endOfKazakhstanDay(today)}
     GROUP BY 1, 2`;
}

async function readOpenPetitions(today: string, firstDay: string): Promise<DashboardPetition[]> {
  const petitions = await db.petition.findMany({
    where: { status: 'OPEN' },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: SHOWN_PETITIONS,
    select: { id: true, title: true, goal: true, milestones: true },
  });
  if (petitions.length === 0) return [];
  const ids = petitions.map((petition) => petition.id);
  const [counts, dayRows] = await Promise.all([
    // 64 shard rows per petition, by primary key (lib/petitions/count.ts), never the signatures.
    db.$queryRaw<Array<{ petitionId: string; confirmed: number }>>`
      SELECT "petitionId", COALESCE(SUM(confirmed), 0)::int AS confirmed
        FROM "PetitionCountShard" WHERE "petitionId" = ANY(${ids}) GROUP BY "petitionId"`,
    db.$queryRaw<Array<{ petitionId: string; day: string; confirmed: number; pending: number }>>(signatureDaysSql(ids, firstDay, today)),
  ]);
  const days = dateRange(firstDay, today);
  return petitions.map((petition) => {
    const confirmed = counts.find((row) => row.petitionId === petition.id)?.confirmed ?? 0;
    const perDay = days.map((day) => {
      const row = dayRows.find((r) => r.petitionId === petition.id && r.day === day);
      return { day, confirmed: row?.confirmed ?? 0, pending: row?.pending ?? 0 };
    });
    const total = (rows: SignatureDay[]) => ({
      confirmed: rows.reduce((sum, row) => sum + row.confirmed, 0),
      pending: rows.reduce((sum, row) => sum + row.pending, 0),
    });
    return {
      id: petition.id,
      title: petition.title,
      goal: petition.goal,
      confirmed,
      days: perDay,
      today: total(perDay.slice(-1)),
      fortnight: total(perDay),
      ...nextMarkOf(confirmed, petition.goal, petition.milestones),
    };
  });
}

async function readUpcomingEvents(now: Date): Promise<DashboardEvent[]> {
  const events = await db.event.findMany({
    where: { status: 'PUBLISHED', startsAt: { gte: now } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: SHOWN_EVENTS,
    select: { id: true, title: true, startsAt: true, seatsTaken: true, capacity: true },
  });
  // Counted for these few events only, on the (eventId, status, waitlistedAt) index.
  const waitlists = await db.rsvp.groupBy({
    by: ['eventId'],
    where: { eventId: { in: events.map((event) => event.id) }, status: 'WAITLISTED' },
    _count: { _all: true },
  });
  return events.map((event) => ({ ...event, waitlisted: waitlists.find((row) => row.eventId === event.id)?._count._all ?? 0 }));
}

async function readLatestStages(): Promise<DashboardStage[]> {
  const stages = await db.reformStage.findMany({
    orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
    take: SHOWN_STAGES,
    select: { id: true, stage: true, occurredOn: true, reform: { select: { id: true, title: true } } },
  });
  return stages.map((row) => ({
    id: row.id,
    reformId: row.reform.id,
    reformTitle: row.reform.title,
    stage: row.stage,
    occurredOn: dateColumnKey(row.occurredOn),
  }));
}

async function readLiveCampaigns(): Promise<DashboardCampaign[]> {
  const campaigns = await db.emailCampaign.findMany({
    where: { status: { in: LIVE_CAMPAIGN_STATUSES } },
    orderBy: [{ scheduledAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
    take: SHOWN_CAMPAIGNS,
    select: { id: true, name: true, status: true, scheduledAt: true, recipientCount: true, sentCount: true, failedCount: true },
  });
  return campaigns.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    scheduledAt: row.scheduledAt,
    recipients: row.recipientCount,
    sent: row.sentCount,
    failed: row.failedCount,
  }));
}

/**
 * What an organizer opens the console for, at `now`: counts and titles only (no personal data).
 * Every query is bounded by an index range or a short list; none counts a whole big table.
 */
export async function getDashboard(now: Date): Promise<Dashboard> {
  const today = kazakhstanDateKey(now);
  const firstDay = addDays(today, 1 - DASHBOARD_DAYS);
  const [petitions, events, awaitingModeration, stages, campaigns, mail] = await Promise.all([
    readOpenPetitions(today, firstDay),
    readUpcomingEvents(now),
    db.event.count({ where: { status: 'PENDING_REVIEW' } }),
    readLatestStages(),
    readLiveCampaigns(),
    countRecentFailedMail(now),
  ]);
  return {
    today,
    firstDay,
    petitions,
    events,
    awaitingModeration,
    stages,
    campaigns,
    mail: { ...mail, days: FAILED_SHOWN_DAYS },
  };
}
