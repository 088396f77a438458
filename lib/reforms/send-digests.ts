import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import type { Locale } from '@/lib/generated/prisma/enums';
import { formatDate } from '@/lib/i18n/translator';
import { sendMail } from '@/lib/mailer';
import { reformUrl } from '@/lib/reforms/alert-props';
import { ALL_REFORMS_TOPIC, reformTopic } from '@/lib/reforms/constants';
import { localized } from '@/lib/i18n/localized';
import { dateColumnValue, kazakhstanDateKey, mondayOf } from '@/lib/time/kazakhstan';
import { ALL_TOPICS } from '@/lib/unsubscribe/tokens';

const BATCH = 200;

export type DigestOutcome = 'sent' | 'empty' | 'suppressed' | 'alreadyDone';

/**
 * One supporter's digest for one week. The ReformDigest row is written first in the transaction
 * that queues the mail: a second run (a retried job, a second worker) finds the row and sends
 * nothing, and a crash before commit leaves neither the row nor the mail.
 */
export async function sendDigestTo(supporterId: string, weekOf: Date, cutoff: Date): Promise<DigestOutcome> {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO "ReformDigest" ("supporterId", "weekOf", "coveredUntil", "stageIds", "createdAt")
        VALUES (${supporterId}, ${weekOf}::date, ${cutoff}, '{}', ${new Date()})
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) return 'alreadyDone';

      const [supporter, subscriptions, previous] = await Promise.all([
        tx.supporter.findUnique({
          where: { id: supporterId },
          select: { emailSealed: true, bouncedAt: true, unsubscribes: { select: { topic: true } } },
        }),
        tx.reformSubscription.findMany({
          where: { supporterId, status: 'CONFIRMED', frequency: 'WEEKLY' },
          orderBy: { confirmedAt: 'desc' },
          select: { reformId: true, locale: true, confirmedAt: true },
        }),
        tx.reformDigest.findFirst({
          where: { supporterId, weekOf: { lt: weekOf } },
          orderBy: { weekOf: 'desc' },
          select: { coveredUntil: true },
        }),
      ]);
      if (!supporter || subscriptions.length === 0) return 'empty';
      const off = new Set(supporter.unsubscribes.map((u) => u.topic));
      if (supporter.bouncedAt || off.has(ALL_TOPICS) || off.has(ALL_REFORMS_TOPIC)) return 'suppressed';

      const followsAll = subscriptions.some((s) => s.reformId === null);
      const reformIds = subscriptions.flatMap((s) => (s.reformId ? [s.reformId] : []));
      const firstConfirmed = subscriptions.reduce((min, s) => (s.confirmedAt && s.confirmedAt < min ? s.confirmedAt : min), cutoff);
      const since = previous?.coveredUntil ?? firstConfirmed;
      const stages = await tx.reformStage.findMany({
        where: {
          createdAt: { gt: since, lte: cutoff },
          ...(followsAll ? {} : { reformId: { in: reformIds } }),
          // Already mailed on its own (the person also follows that reform with every update).
          alerts: { none: { supporterId, status: 'QUEUED' } },
        },
        orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, reformId: true, stage: true, occurredOn: true, note: true, reform: { select: { slug: true, title: true } } },
      });
      const wanted = stages.filter((s) => !off.has(reformTopic(s.reformId)));
      if (wanted.length === 0) return 'empty';

      const locale: Locale = (subscriptions.find((s) => s.reformId === null) ?? subscriptions[0]!).locale;
      const onlyReform = !followsAll && reformIds.length === 1 ? reformIds[0]! : null;
      const { outboundMailId } = await sendMail(
        {
          to: (await keyring()).open('email', supporter.emailSealed),
          supporterId,
          locale,
          template: 'reform-digest',
          topic: onlyReform ? reformTopic(onlyReform) : ALL_REFORMS_TOPIC,
          props: {
            items: wanted.map((s) => ({
              reformTitle: localized(s.reform.title, locale),
              stage: s.stage,
              date: formatDate(s.occurredOn, locale, 'dateColumn'),
              note: localized(s.note, locale),
              reformUrl: reformUrl(s.reform.slug, locale),
            })),
          },
        },
        tx,
      );
      await tx.reformDigest.update({
        where: { supporterId_weekOf: { supporterId, weekOf } },
        data: { stageIds: wanted.map((s) => s.id), outboundMailId },
      });
      return 'sent';
    },
    { timeout: 60_000 },
  );
}

/** The weekly run: every confirmed weekly subscriber without a digest for this week gets one. */
export async function sendWeeklyDigests(now: Date = new Date()): Promise<Record<DigestOutcome, number>> {
  const weekOf = dateColumnValue(mondayOf(kazakhstanDateKey(now)));
  const totals: Record<DigestOutcome, number> = { sent: 0, empty: 0, suppressed: 0, alreadyDone: 0 };
  let cursor = '';
  for (;;) {
    const batch = await db.$queryRaw<{ supporterId: string }[]>`
      SELECT DISTINCT s."supporterId" FROM "ReformSubscription" s
      WHERE s.status = 'CONFIRMED' AND s.frequency = 'WEEKLY' AND s."supporterId" > ${cursor}
        AND NOT EXISTS (SELECT 1 FROM "ReformDigest" d WHERE d."supporterId" = s."supporterId" AND d."weekOf" = ${weekOf}::date)
      ORDER BY s."supporterId" LIMIT ${BATCH}`;
    if (batch.length === 0) break;
    for (const { supporterId } of batch) totals[await sendDigestTo(supporterId, weekOf, now)] += 1;
    cursor = batch.at(-1)!.supporterId;
  }
  return totals;
}
