import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { slugSaveError } from '@/lib/database-errors';
import type { CampaignFormData } from '@/lib/events/schemas';
import { dateColumnValue } from '@/lib/time/kazakhstan';

/** Creates (id null) or edits a calendar campaign; dates are Kazakhstan calendar dates. */
export async function saveEventCampaign(actorId: string, id: string | null, data: CampaignFormData): Promise<{ id: string }> {
  const columns = {
    slug: data.slug,
    name: data.name,
    startsOn: dateColumnValue(data.startsOn),
    endsOn: dateColumnValue(data.endsOn),
  };
  try {
    return await db.$transaction(async (tx) => {
      const saved = id
        ? await tx.eventCampaign.update({ where: { id }, data: columns, select: { id: true } })
        : await tx.eventCampaign.create({ data: columns, select: { id: true } });
      await recordAudit(
        { actorId, action: id ? 'event-campaign.update' : 'event-campaign.create', subjectType: 'EventCampaign', subjectId: saved.id },
        tx,
      );
      return saved;
    });
  } catch (error) {
    throw slugSaveError(error);
  }
}
