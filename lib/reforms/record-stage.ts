import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ReformStageKind } from '@/lib/generated/prisma/enums';
import { STAGE_ROAD } from '@/lib/reforms/constants';
import { nudgeFanOut } from '@/lib/reforms/fan-out';
import { RecordStageSchema, type RecordStageInput } from '@/lib/reforms/schemas';
import { dateColumnKey } from '@/lib/time/kazakhstan';

export type RecordStageResult = { stageId: string; isNew: boolean };

const roadIndex = (stage: ReformStageKind) => (STAGE_ROAD as readonly string[]).indexOf(stage);

/** The reform's current stage: the latest dated step; on the same day, the later one on the road. */
async function refreshCurrentStage(tx: Prisma.TransactionClient, reformId: string): Promise<void> {
  const stages = await tx.reformStage.findMany({ where: { reformId }, select: { stage: true, occurredOn: true, createdAt: true } });
  const latest = stages.sort(
    (a, b) =>
      b.occurredOn.getTime() - a.occurredOn.getTime() ||
      roadIndex(b.stage) - roadIndex(a.stage) ||
      b.createdAt.getTime() - a.createdAt.getTime(),
  )[0];
  if (latest) await tx.reform.update({ where: { id: reformId }, data: { currentStage: latest.stage } });
}

/**
 * Records a step of a reform, audit-logged, and queues its alert fan-out, all in one transaction.
 * The same step (reform, stage, date) saved again records nothing and queues nothing: the unique
 * index decides, so two concurrent saves also end with one stage and one fan-out.
 */
export async function recordStage(reformId: string, input: RecordStageInput, actorId: string | null): Promise<RecordStageResult> {
  const data = RecordStageSchema.parse(input);
  return db.$transaction(async (tx) => {
    const reform = await tx.reform.findUnique({ where: { id: reformId }, select: { id: true } });
    if (!reform) throw new AppError('NOT_FOUND');
    const inserted = await tx.reformStage.createManyAndReturn({
      data: [{ reformId, ...data, sourceLabel: data.sourceLabel ?? Prisma.DbNull, createdById: actorId }],
      skipDuplicates: true,
      select: { id: true },
    });
    const created = inserted[0];
    if (!created) {
      const existing = await tx.reformStage.findUniqueOrThrow({
        where: { reformId_stage_occurredOn: { reformId, stage: data.stage, occurredOn: data.occurredOn } },
        select: { id: true },
      });
      return { stageId: existing.id, isNew: false };
    }
    await refreshCurrentStage(tx, reformId);
    await recordAudit(
      {
        actorId,
        action: 'reform.stage.record',
        subjectType: 'ReformStage',
        subjectId: created.id,
        details: { reformId, stage: data.stage, occurredOn: dateColumnKey(data.occurredOn), sourceUrl: data.sourceUrl },
      },
      tx,
    );
    await nudgeFanOut(created.id, tx);
    return { stageId: created.id, isNew: true };
  });
}

/** Corrects the note or source of a recorded step; sends nothing again. */
export async function updateStageText(
  stageId: string,
  input: Pick<RecordStageInput, 'note' | 'sourceUrl' | 'sourceLabel'>,
  actorId: string | null,
): Promise<void> {
  const data = RecordStageSchema.pick({ note: true, sourceUrl: true, sourceLabel: true }).parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.reformStage.updateMany({
      where: { id: stageId },
      data: { ...data, sourceLabel: data.sourceLabel ?? Prisma.DbNull },
    });
    if (count === 0) throw new AppError('NOT_FOUND');
    await recordAudit({ actorId, action: 'reform.stage.edit', subjectType: 'ReformStage', subjectId: stageId }, tx);
  });
}
