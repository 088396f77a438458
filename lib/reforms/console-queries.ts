import { db } from '@/lib/db';
import { STAGE_FIELDS } from '@/lib/reforms/queries';

export async function listReformsForConsole() {
  const [reforms, subscribers] = await Promise.all([
    db.reform.findMany({
      orderBy: { createdAt: 'asc' },
      select: { id: true, slug: true, title: true, currentStage: true, isDemo: true, _count: { select: { stages: true } } },
    }),
    db.reformSubscription.groupBy({ by: ['reformId'], where: { status: 'CONFIRMED' }, _count: true }),
  ]);
  const byReform = new Map(subscribers.map((row) => [row.reformId, row._count]));
  return reforms.map((reform) => ({ ...reform, subscribers: byReform.get(reform.id) ?? 0, allSubscribers: byReform.get(null) ?? 0 }));
}

export type FanOutProgress = {
  recipients: number;
  /** Still in the ledger, not handed to the outbox yet. */
  pending: number;
  /** In the outbox, not yet accepted by SMTP. */
  waiting: number;
  delivered: number;
  skipped: number;
  failed: number;
};

/** Per stage: the ledger joined with the outbox, so "delivered" means accepted by the SMTP server. */
export async function getFanOutProgress(stageIds: string[]): Promise<Map<string, FanOutProgress>> {
  if (stageIds.length === 0) return new Map();
  const rows = await db.$queryRaw<(FanOutProgress & { stageId: string })[]>`
    SELECT a."stageId",
      count(*)::int AS recipients,
      count(*) FILTER (WHERE a.status = 'PENDING')::int AS pending,
      count(*) FILTER (WHERE a.status = 'QUEUED' AND m.status = 'PENDING')::int AS waiting,
      count(*) FILTER (WHERE m.status = 'SENT')::int AS delivered,
      count(*) FILTER (WHERE a.status = 'SKIPPED' OR m.status = 'SKIPPED')::int AS skipped,
      count(*) FILTER (WHERE m.status = 'FAILED')::int AS failed
    FROM "ReformAlert" a
    LEFT JOIN "OutboundMail" m ON m.id = a."outboundMailId"
    WHERE a."stageId" = ANY(${stageIds}::text[])
    GROUP BY a."stageId"`;
  return new Map(rows.map(({ stageId, ...progress }) => [stageId, progress]));
}

export async function getReformForConsole(id: string) {
  const reform = await db.reform.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      petitionId: true,
      currentStage: true,
      stages: {
        orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
        select: {
          ...STAGE_FIELDS,
          fanOutPreparedAt: true,
          fanOutFinishedAt: true,
        },
      },
    },
  });
  if (!reform) return null;
  const progress = await getFanOutProgress(reform.stages.map((s) => s.id));
  return { ...reform, stages: reform.stages.map((stage) => ({ ...stage, progress: progress.get(stage.id) ?? null })) };
}

export async function listPetitionChoices() {
  return db.petition.findMany({ orderBy: { createdAt: 'desc' }, select: { id: true, slug: true, title: true } });
}
