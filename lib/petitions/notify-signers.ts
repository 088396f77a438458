import { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { sendMail } from '@/lib/mailer';
import { localized } from '@/lib/i18n/localized';
import { readCount } from '@/lib/petitions/count';
import { enqueue } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';

export const UPDATES_TOPIC = 'petitions';
const BATCH = 200;

/** A petitions.notify job: which update, and the last signer already mailed (a Signature id). */
export const NotifyJobSchema = z.object({
  petitionId: z.string().min(1),
  kind: z.enum(['milestone', 'handover', 'response']),
  milestone: z.number().int().positive().optional(),
  afterId: z.string().regex(/^\d+$/).optional(),
});

export type NotifyJobData = z.output<typeof NotifyJobSchema>;

/** Queues the mail to opted-in signers; pass the caller's transaction to make it part of the change. */
export async function announceToSigners(data: NotifyJobData, tx?: Prisma.TransactionClient): Promise<void> {
  await enqueue('petitions.notify', data, { tx });
}

/**
 * One batch of an update mail: confirmed signers who opted in, by id. The outbox rows and the job
 * for the next batch commit together, so a batch is mailed once and the chain never breaks.
 */
export async function sendUpdateBatch(data: NotifyJobData): Promise<number> {
  const petition = await db.petition.findUnique({
    where: { id: data.petitionId },
    select: { slug: true, title: true, handoverNote: true, response: true },
  });
  if (!petition) return 0;
  const afterId = BigInt(data.afterId ?? '0');
  const signers = await db.signature.findMany({
    where: { petitionId: data.petitionId, status: 'CONFIRMED', wantsUpdates: true, supporterId: { not: null }, id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: BATCH,
    select: { id: true, emailSealed: true, supporterId: true, locale: true },
  });
  if (signers.length === 0) return 0;
  const keys = await keyring();
  await db.$transaction(
    async (tx) => {
      for (const signer of signers) {
        const note =
          data.kind === 'handover'
            ? localized(petition.handoverNote, signer.locale)
            : data.kind === 'response'
              ? localized(petition.response, signer.locale)
              : undefined;
        await sendMail(
          {
            to: keys.open('email', signer.emailSealed),
            supporterId: signer.supporterId ?? undefined,
            locale: signer.locale,
            template: 'petition-update',
            topic: UPDATES_TOPIC,
            props: {
              kind: data.kind,
              petitionTitle: localized(petition.title, signer.locale),
              petitionUrl: `${env.APP_URL}/${signer.locale}/petitions/${petition.slug}`,
              ...(data.milestone ? { milestone: data.milestone } : {}),
              ...(note ? { note } : {}),
            },
          },
          tx,
        );
      }
      if (signers.length === BATCH) {
        await announceToSigners({ ...data, afterId: signers.at(-1)!.id.toString() }, tx);
      }
    },
    { timeout: 120_000 },
  );
  return signers.length;
}

/** Queues the mail for each milestone the count has reached and that was not announced yet. */
export async function announceReachedMilestones(): Promise<number> {
  const petitions = await db.petition.findMany({
    where: { status: 'OPEN' },
    select: { id: true, milestones: true, milestonesAnnounced: true },
  });
  let announced = 0;
  for (const petition of petitions) {
    const count = await readCount(petition.id);
    const reached = petition.milestones.filter((m) => m <= count && !petition.milestonesAnnounced.includes(m));
    if (reached.length === 0) continue;
    const highest = Math.max(...reached);
    await db.$transaction(async (tx) => {
      // Conditional on the list we read, so two workers never announce the same milestone.
      const { count: updated } = await tx.petition.updateMany({
        where: { id: petition.id, milestonesAnnounced: { equals: petition.milestonesAnnounced } },
        data: { milestonesAnnounced: [...petition.milestonesAnnounced, ...reached] },
      });
      if (updated === 1) await announceToSigners({ petitionId: petition.id, kind: 'milestone', milestone: highest }, tx);
    });
    announced += 1;
  }
  return announced;
}
