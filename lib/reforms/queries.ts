import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ReformStageKind } from '@/lib/generated/prisma/enums';
import { STAGE_ROAD } from '@/lib/reforms/constants';
import { isSlug } from '@/lib/validation';

export type Progress = { step: number; total: number; isOffRoad: boolean };

/** Where a reform stands on the road: its current stage, or for stalled/withdrawn the furthest step reached. */
export function progressOf(current: ReformStageKind, reached: readonly ReformStageKind[]): Progress {
  const road = STAGE_ROAD as readonly ReformStageKind[];
  const total = road.length;
  const index = road.indexOf(current);
  if (index >= 0) return { step: index + 1, total, isOffRoad: false };
  const furthest = Math.max(0, ...reached.map((stage) => road.indexOf(stage) + 1));
  return { step: Math.max(1, furthest), total, isOffRoad: true };
}

export type ReformListItem = {
  id: string;
  slug: string;
  title: Prisma.JsonValue;
  summary: Prisma.JsonValue;
  currentStage: ReformStageKind;
  isDemo: boolean;
  progress: Progress;
  lastStageOn: Date | null;
};

/** What a reform's card and page both show. */
const REFORM_HEADLINE = { id: true, slug: true, title: true, summary: true, currentStage: true, isDemo: true } as const;

export async function listReforms(stage?: ReformStageKind): Promise<ReformListItem[]> {
  const reforms = await db.reform.findMany({
    where: stage ? { currentStage: stage } : {},
    orderBy: [{ updatedAt: 'desc' }],
    select: {
      ...REFORM_HEADLINE,
      stages: { select: { stage: true, occurredOn: true }, orderBy: { occurredOn: 'desc' } },
    },
  });
  return reforms
    .map(({ stages, ...reform }) => ({
      ...reform,
      progress: progressOf(
        reform.currentStage,
        stages.map((s) => s.stage),
      ),
      lastStageOn: stages[0]?.occurredOn ?? null,
    }))
    .sort((a, b) => (b.lastStageOn?.getTime() ?? 0) - (a.lastStageOn?.getTime() ?? 0));
}

export async function getReformBySlug(slug: string) {
  if (!isSlug(slug)) return null;
  const reform = await db.reform.findUnique({
    where: { slug },
    select: {
      ...REFORM_HEADLINE,
      petition: { select: { slug: true, title: true, status: true } },
      stages: {
        orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, stage: true, occurredOn: true, note: true, sourceUrl: true, sourceLabel: true },
      },
    },
  });
  if (!reform) return null;
  const { petition, ...rest } = reform;
  // A draft petition is not public yet; do not link to it.
  return {
    ...rest,
    petition: petition && petition.status !== 'DRAFT' ? petition : null,
    progress: progressOf(
      reform.currentStage,
      reform.stages.map((s) => s.stage),
    ),
  };
}

/** The choices of the "Get alerts" form. */
export async function listReformChoices() {
  return db.reform.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, slug: true, title: true } });
}

/** A recorded stage as pages, feeds and alert mails show it. */
export const STAGE_FIELDS = {
  id: true,
  stage: true,
  occurredOn: true,
  note: true,
  sourceUrl: true,
  sourceLabel: true,
  createdAt: true,
} as const;

/** Newest recorded stages first, for the Atom feeds. */
export async function listStagesForFeed(reformId?: string, limit = 100) {
  return db.reformStage.findMany({
    where: reformId ? { reformId } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      ...STAGE_FIELDS,
      reform: { select: { slug: true, title: true, updatedAt: true } },
    },
  });
}

export async function getReformForFeed(slug: string) {
  if (!isSlug(slug)) return null;
  return db.reform.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, summary: true, updatedAt: true } });
}

/** The reforms a petition asked for, for the one-click follow on its confirmation page. */
export async function listReformsOfPetition(petitionId: string) {
  return db.reform.findMany({ where: { petitionId }, orderBy: { createdAt: 'asc' }, select: { id: true, slug: true, title: true } });
}
