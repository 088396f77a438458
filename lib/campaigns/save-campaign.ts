import { AppError } from '@/lib/errors';
import { CampaignDraftSchema, type CampaignDraftInput } from '@/lib/campaigns/schemas';
import { db } from '@/lib/db';

type Actor = { id: string };

/** Creates a draft, or updates one that has not started; returns its id. */
export async function saveCampaign(input: CampaignDraftInput, actor: Actor, campaignId?: string): Promise<string> {
  const draft = CampaignDraftSchema.parse(input);
  const data = {
    name: draft.name,
    subject: draft.subject,
    body: draft.body,
    audience: draft.audience,
    useNeutralSender: draft.useNeutralSender,
    subjectPrefix: draft.subjectPrefix || null,
  };
  if (!campaignId) {
    const created = await db.emailCampaign.create({ data: { ...data, createdById: actor.id }, select: { id: true } });
    return created.id;
  }
  const updated = await db.emailCampaign.updateMany({ where: { id: campaignId, status: 'DRAFT' }, data });
  if (updated.count === 0) throw new AppError('CLOSED', { messageKey: 'campaignNotEditable' });
  return campaignId;
}
