import { z } from 'zod';
import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/generated/prisma/enums';
import { sendMails } from '@/lib/mailer';
import { enqueue } from '@/lib/queue';
import { ALL_REFORMS_TOPIC, DRAIN_BATCH, PREPARE_BATCH, reformTopic } from '@/lib/reforms/constants';
import { reformAlertProps, type StageForMail } from '@/lib/reforms/alert-props';
import { STAGE_FIELDS } from '@/lib/reforms/queries';
import { ALL_TOPICS } from '@/lib/unsubscribe/tokens';

/*
 * Exactly once, in two hand-offs (docs/decisions/0006-reform-alert-fan-out.md):
 * 1. prepare: one ReformAlert row per (stage, supporter), written with ON CONFLICT DO NOTHING, so
 *    running it again (a crash, a second job) adds nobody twice;
 * 2. drain: rows are claimed with FOR UPDATE SKIP LOCKED; each one's OutboundMail + mail job and
 *    its QUEUED status commit in one transaction, so a crash either hands a row to the outbox or
 *    leaves it PENDING, never both. The outbox then delivers each message once, except one that
 *    was in flight at SMTP when its worker died (the mailer's documented at-least-once edge).
 */

/** A reforms.fanout job: one stage's alerts, or (the minute tick) every fan-out left unfinished. */
export const FanOutJobSchema = z.object({ stageId: z.string().min(1).optional() });

/** Queues the fan-out of a stage; pass the caller's transaction so it exists iff the stage does. */
export async function nudgeFanOut(stageId: string, tx?: Prisma.TransactionClient): Promise<void> {
  await enqueue('reforms.fanout', { stageId }, { singletonKey: stageId, tx });
}

/** Writes the ledger: every confirmed EACH subscriber of the reform or of all reforms, once. */
export async function prepareFanOut(stage: { id: string; reformId: string; createdAt: Date }): Promise<number> {
  let cursor = '';
  let total = 0;
  for (;;) {
    // DISTINCT ON keeps one subscription per person, the reform's own before "all reforms", so
    // the mail's unsubscribe topic is the subscription the person made for this reform.
    const [batch] = await db.$queryRaw<{ last: string | null; n: number }[]>`
      WITH audience AS (
        SELECT DISTINCT ON (s."supporterId") s."supporterId", s.id AS "subscriptionId"
        FROM "ReformSubscription" s
        WHERE s.status = 'CONFIRMED' AND s.frequency = 'EACH'
          AND (s."reformId" = ${stage.reformId} OR s."reformId" IS NULL)
          AND s."confirmedAt" <= ${stage.createdAt}
          AND s."supporterId" > ${cursor}
        ORDER BY s."supporterId", (s."reformId" IS NULL)
        LIMIT ${PREPARE_BATCH}
      ), written AS (
        INSERT INTO "ReformAlert" ("stageId", "supporterId", "subscriptionId")
        SELECT ${stage.id}, "supporterId", "subscriptionId" FROM audience
        ON CONFLICT ("stageId", "supporterId") DO NOTHING
      )
      SELECT max("supporterId") AS last, count(*)::int AS n FROM audience`;
    if (!batch?.last || batch.n === 0) break;
    total += batch.n;
    cursor = batch.last;
    if (batch.n < PREPARE_BATCH) break;
  }
  await db.reformStage.updateMany({ where: { id: stage.id, fanOutPreparedAt: null }, data: { fanOutPreparedAt: new Date() } });
  return total;
}

type ClaimedAlert = {
  id: bigint;
  supporterId: string;
  emailSealed: string;
  bouncedAt: Date | null;
  subscriptionStatus: string | null;
  frequency: string | null;
  locale: Locale | null;
  subscriptionReformId: string | null;
  offTopics: string[] | null;
};

type Outcome = { id: bigint; status: 'QUEUED' | 'SKIPPED'; outboundMailId: string | null; reason: string | null };

function skipReason(row: ClaimedAlert): string | null {
  if (row.subscriptionStatus !== 'CONFIRMED' || row.frequency !== 'EACH') return 'notSubscribed';
  if (row.offTopics && row.offTopics.length > 0) return 'unsubscribed';
  if (row.bouncedAt) return 'bounced';
  return null;
}

/**
 * Hands up to DRAIN_BATCH pending alerts of a stage to the outbox in one transaction; returns how
 * many it handled. Subscription, unsubscribes and bounces are read at this moment, so a person who
 * unsubscribes while a long fan-out runs is skipped for every alert not handed off yet.
 */
export async function drainFanOutBatch(stage: StageForMail): Promise<number> {
  const topics = [reformTopic(stage.reformId), ALL_REFORMS_TOPIC, ALL_TOPICS];
  const keys = await keyring();
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<ClaimedAlert[]>`
        SELECT a.id, a."supporterId", sup."emailSealed", sup."bouncedAt",
               sub.status::text AS "subscriptionStatus", sub.frequency::text AS frequency, sub.locale, sub."reformId" AS "subscriptionReformId",
               (SELECT array_agg(u.topic) FROM "Unsubscribe" u WHERE u."supporterId" = a."supporterId" AND u.topic = ANY(${topics}::text[])) AS "offTopics"
        FROM "ReformAlert" a
        JOIN "Supporter" sup ON sup.id = a."supporterId"
        LEFT JOIN "ReformSubscription" sub ON sub.id = a."subscriptionId"
        WHERE a."stageId" = ${stage.id} AND a.status = 'PENDING'
        ORDER BY a.id
        LIMIT ${DRAIN_BATCH}
        FOR UPDATE OF a SKIP LOCKED`;
      const skipped: Outcome[] = [];
      const toMail: ClaimedAlert[] = [];
      for (const row of rows) {
        const reason = skipReason(row);
        if (reason) skipped.push({ id: row.id, status: 'SKIPPED', outboundMailId: null, reason });
        else toMail.push(row);
      }
      const mails = await sendMails(
        toMail.map((row) => {
          const locale = row.locale ?? 'ru';
          return {
            to: keys.open('email', row.emailSealed),
            supporterId: row.supporterId,
            locale,
            template: 'reform-alert' as const,
            topic: row.subscriptionReformId ? reformTopic(row.subscriptionReformId) : ALL_REFORMS_TOPIC,
            props: reformAlertProps(stage, locale),
          };
        }),
        tx,
      );
      const outcomes: Outcome[] = [
        ...skipped,
        ...toMail.map((row, index) => ({
          id: row.id,
          status: 'QUEUED' as const,
          outboundMailId: mails[index]!.outboundMailId,
          reason: null,
        })),
      ];
      if (outcomes.length > 0) {
        await tx.$executeRaw`
          UPDATE "ReformAlert" a
          SET status = v.status::"ReformAlertStatus", "outboundMailId" = v.mail, "skipReason" = v.reason, "handledAt" = now()
          FROM unnest(${outcomes.map((o) => o.id.toString())}::text[], ${outcomes.map((o) => o.status)}::text[],
                      ${outcomes.map((o) => o.outboundMailId)}::text[], ${outcomes.map((o) => o.reason)}::text[]) AS v(id, status, mail, reason)
          WHERE a.id = v.id::bigint`;
      }
      return rows.length;
    },
    { timeout: 120_000 },
  );
}

async function loadStage(
  stageId: string,
): Promise<(StageForMail & { createdAt: Date; fanOutPreparedAt: Date | null; fanOutFinishedAt: Date | null }) | null> {
  return db.reformStage.findUnique({
    where: { id: stageId },
    select: {
      ...STAGE_FIELDS,
      reformId: true,
      fanOutPreparedAt: true,
      fanOutFinishedAt: true,
      reform: { select: { slug: true, title: true } },
    },
  });
}

/** Runs a stage's fan-out to the end (safe to run twice at once, or again after a crash). */
export async function runFanOut(stageId: string): Promise<{ handled: number; finished: boolean }> {
  const stage = await loadStage(stageId);
  if (!stage || stage.fanOutFinishedAt) return { handled: 0, finished: true };
  if (!stage.fanOutPreparedAt) await prepareFanOut(stage);
  let handled = 0;
  for (;;) {
    const n = await drainFanOutBatch(stage);
    if (n === 0) break;
    handled += n;
  }
  // Rows another worker still holds keep the stage open; that worker (or the next tick) finishes it.
  const finished = await db.$executeRaw`
    UPDATE "ReformStage" s SET "fanOutFinishedAt" = now()
    WHERE s.id = ${stageId} AND s."fanOutFinishedAt" IS NULL AND s."fanOutPreparedAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "ReformAlert" a WHERE a."stageId" = s.id AND a.status = 'PENDING')`;
  return { handled, finished: finished === 1 };
}

/** Every fan-out left unfinished (a crashed worker, a lost job): run by the minute tick. */
export async function resumeFanOuts(): Promise<number> {
  const open = await db.reformStage.findMany({ where: { fanOutFinishedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  for (const { id } of open) await runFanOut(id);
  return open.length;
}
