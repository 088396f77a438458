import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { parseDeliveryStatusNotification, redactAddresses, type RecipientStatus } from '@/lib/bounces/delivery-status';
import { verifyBounceAddress, type BounceSubject } from '@/lib/bounces/return-path';
import { db } from '@/lib/db';
import type { MailBounceKind } from '@/lib/generated/prisma/enums';

/** Soft bounces within this window that suppress an address. */
export const SOFT_BOUNCE_LIMIT = 3;
export const SOFT_BOUNCE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export type BounceMailOutcome = 'recorded' | 'not-a-bounce' | 'no-valid-token' | 'unknown-mail';

type BouncedMail = { supporterId: string | null; outboundMailId: string | null; campaignId: string | null };

async function findBouncedMail(subject: BounceSubject): Promise<BouncedMail | null> {
  if (subject.kind === 'outbound') {
    const mail = await db.outboundMail.findUnique({ where: { id: subject.outboundMailId }, select: { id: true, supporterId: true } });
    return mail && { supporterId: mail.supporterId, outboundMailId: mail.id, campaignId: null };
  }
  const recipient = await db.campaignRecipient.findUnique({
    where: { id: subject.campaignRecipientId },
    select: { supporterId: true, campaignId: true },
  });
  return recipient && { supporterId: recipient.supporterId, outboundMailId: null, campaignId: recipient.campaignId };
}

/** A failure report: 5.x.x is hard, 4.x.x (the reporting server gave up after temporary refusals) soft. */
function bounceKind(status: RecipientStatus): MailBounceKind | null {
  if (status.action !== 'failed') return null;
  if (status.status.startsWith('5.')) return 'HARD';
  if (status.status.startsWith('4.')) return 'SOFT';
  return null;
}

/**
 * A message received for a bounce address: when it is a delivery status notification reporting a
 * failure and the address's token is genuine, the bounce is recorded against the mail it names, and
 * the supporter is suppressed after a hard bounce or the third soft one within 30 days. The
 * Final-Recipient is not trusted to name anybody (a forwarded mailbox reports its final address).
 */
export async function handleBounceMail(raw: Buffer, recipients: string[], now: Date = new Date()): Promise<BounceMailOutcome> {
  const subject = recipients.map(verifyBounceAddress).find((found) => found !== null);
  if (!subject) return 'no-valid-token';
  const statuses = await parseDeliveryStatusNotification(raw);
  // VERP: one envelope recipient per mail, so the first failure reported is this mail's.
  const failure = statuses?.map((status) => ({ status, kind: bounceKind(status) })).find((entry) => entry.kind !== null);
  if (!failure?.kind) return 'not-a-bounce';
  const mail = await findBouncedMail(subject);
  if (!mail) return 'unknown-mail';
  const diagnostic = failure.status.diagnostic ? redactAddresses(failure.status.diagnostic).slice(0, 500) : null;
  await db.$transaction(async (tx) => {
    await tx.mailBounce.create({ data: { ...mail, kind: failure.kind!, status: failure.status.status, diagnostic, createdAt: now } });
    if (!mail.supporterId) return;
    if (failure.kind === 'SOFT') {
      const recent = await tx.mailBounce.count({
        where: {
          supporterId: mail.supporterId,
          kind: 'SOFT',
          liftedAt: null,
          createdAt: { gt: new Date(now.getTime() - SOFT_BOUNCE_WINDOW_DAYS * DAY_MS), lte: now },
        },
      });
      if (recent < SOFT_BOUNCE_LIMIT) return;
    }
    const reason = `${failure.kind === 'HARD' ? 'hard' : 'soft'} bounce ${failure.status.status}${diagnostic ? `: ${diagnostic}` : ''}`;
    await tx.supporter.updateMany({ where: { id: mail.supporterId, bouncedAt: null }, data: { bouncedAt: now, bounceReason: reason } });
  });
  return 'recorded';
}

export const LiftSuppressionSchema = z.object({ supporterId: z.string().min(1).max(64) });
export type LiftSuppressionInput = z.infer<typeof LiftSuppressionSchema>;

/**
 * Lets campaign mail reach an address again: clears the supporter's bounce mark and sets the
 * bounces that led to it aside (so the next soft bounce starts a new count). Audit-logged.
 */
export async function liftSuppression(input: LiftSuppressionInput, actor: { id: string }, now: Date = new Date()): Promise<boolean> {
  const { supporterId } = LiftSuppressionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const lifted = await tx.supporter.updateMany({
      where: { id: supporterId, bouncedAt: { not: null } },
      data: { bouncedAt: null, bounceReason: null },
    });
    if (lifted.count === 0) return false;
    await tx.mailBounce.updateMany({ where: { supporterId, liftedAt: null }, data: { liftedAt: now } });
    await recordAudit({ actorId: actor.id, action: 'mail.bounce.lift', subjectType: 'supporter', subjectId: supporterId }, tx);
    return true;
  });
}
