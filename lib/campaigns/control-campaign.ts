import { recordAudit } from '@/lib/audit';
import type { AuditAction } from '@/lib/audit-actions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { CampaignStatus } from '@/lib/generated/prisma/enums';

type Actor = { id: string };

async function transition(campaignId: string, from: CampaignStatus[], to: CampaignStatus, actor: Actor, action: AuditAction) {
  const updated = await db.emailCampaign.updateMany({ where: { id: campaignId, status: { in: from } }, data: { status: to } });
  if (updated.count === 0) throw new AppError('CONFLICT', { messageKey: 'campaignStateChanged' });
  await recordAudit({ actorId: actor.id, action, subjectType: 'EmailCampaign', subjectId: campaignId });
}

/** Stops claiming new rows; mails already handed to SMTP finish and are recorded. */
export function pauseCampaign(campaignId: string, actor: Actor) {
  return transition(campaignId, ['SENDING'], 'PAUSED', actor, 'campaign.pause');
}

/** The caller wakes the sender afterwards. */
export function resumeCampaign(campaignId: string, actor: Actor) {
  return transition(campaignId, ['PAUSED'], 'SENDING', actor, 'campaign.resume');
}

/** A scheduled campaign goes back to draft. */
export function unscheduleCampaign(campaignId: string, actor: Actor) {
  return transition(campaignId, ['SCHEDULED'], 'DRAFT', actor, 'campaign.unschedule');
}

/** Nobody else gets it: every row not yet claimed becomes SKIPPED with the reason "cancelled". */
export async function cancelCampaign(campaignId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.emailCampaign.updateMany({
      where: { id: campaignId, status: { in: ['SENDING', 'PAUSED', 'SCHEDULED'] } },
      data: { status: 'CANCELLED', finishedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError('CONFLICT', { messageKey: 'campaignStateChanged' });
    const skipped = await tx.campaignRecipient.updateMany({
      where: { campaignId, status: 'PENDING' },
      data: { status: 'SKIPPED', lastError: 'cancelled' },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'campaign.cancel',
        subjectType: 'EmailCampaign',
        subjectId: campaignId,
        details: { notSent: skipped.count },
      },
      tx,
    );
  });
}
