import { recordAudit } from '@/lib/audit';
import { ScheduleCampaignSchema, type ScheduleCampaignInput } from '@/lib/campaigns/schemas';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** A draft waits until scheduledAt; the audience is materialised then, not now. */
export async function scheduleCampaign(input: ScheduleCampaignInput, actor: { id: string }): Promise<void> {
  const { campaignId, scheduledAt } = ScheduleCampaignSchema.parse(input);
  const updated = await db.emailCampaign.updateMany({
    where: { id: campaignId, status: 'DRAFT' },
    data: { status: 'SCHEDULED', scheduledAt },
  });
  if (updated.count === 0) throw new AppError('CLOSED', { messageKey: 'campaignNotEditable' });
  await recordAudit({
    actorId: actor.id,
    action: 'campaign.schedule',
    subjectType: 'EmailCampaign',
    subjectId: campaignId,
    details: { scheduledAt: scheduledAt.toISOString() },
  });
}

/** Starts every scheduled campaign whose time has come; returns their ids. Run by the tick job. */
export async function startDueCampaigns(now: Date = new Date()): Promise<string[]> {
  const due = await db.emailCampaign.findMany({
    where: { status: 'SCHEDULED', scheduledAt: { lte: now } },
    select: { id: true, createdById: true },
  });
  const started: string[] = [];
  for (const campaign of due) {
    try {
      await startCampaign(campaign.id, campaign.createdById ? { id: campaign.createdById } : null);
      started.push(campaign.id);
    } catch (error) {
      // Another tick may have started it between the read and the lock.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return started;
}
