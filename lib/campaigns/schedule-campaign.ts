import { recordAudit } from '@/lib/audit';
import { assertFreshSecondFactor, STEP_UP_AUDIENCE_LIMIT, type Actor } from '@/lib/auth/step-up';
import { countAudience } from '@/lib/campaigns/count-audience';
import { AudienceSchema, ScheduleCampaignSchema, type ScheduleCampaignInput } from '@/lib/campaigns/schemas';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * A draft waits until scheduledAt; the audience is materialised then, not now. Scheduling for more than
 * a handful of people (as counted now) needs a fresh second factor.
 */
export async function scheduleCampaign(input: ScheduleCampaignInput, actor: Actor): Promise<void> {
  const { campaignId, scheduledAt } = ScheduleCampaignSchema.parse(input);
  const draft = await db.emailCampaign.findUnique({ where: { id: campaignId }, select: { audience: true } });
  const audience = AudienceSchema.safeParse(draft?.audience);
  if (audience.success && (await countAudience(audience.data)) > STEP_UP_AUDIENCE_LIMIT) await assertFreshSecondFactor(actor);
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
      await startCampaign(campaign.id, { scheduledBy: campaign.createdById });
      started.push(campaign.id);
    } catch (error) {
      // Another tick may have started it between the read and the lock.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return started;
}
