import { actorFor } from '@/tests/support/actor';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { countRecipientsByStatus, listRecipients, RECIPIENTS_PAGE_SIZE } from '@/lib/campaigns/queries';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { createCampaign, createOrganizer, createSupporter } from './helpers/fixtures';

let campaignId: string;
let total: number;

beforeAll(async () => {
  const organizer = await createOrganizer();
  for (let i = 0; i < RECIPIENTS_PAGE_SIZE + 15; i += 1)
    await createSupporter({ email: `table-${String(i).padStart(3, '0')}@example.org` });
  campaignId = await createCampaign(organizer);
  await startCampaign(campaignId, await actorFor(organizer));
  await db.emailCampaign.update({ where: { id: campaignId }, data: { status: 'PAUSED' } });
  total = await db.campaignRecipient.count({ where: { campaignId } });
});

describe('the recipients table of a campaign', () => {
  it('counts recipients per status for the filter and the pages', async () => {
    expect(total).toBeGreaterThan(RECIPIENTS_PAGE_SIZE);
    const firstThree = await db.campaignRecipient.findMany({ where: { campaignId }, orderBy: { id: 'asc' }, take: 3 });
    await db.campaignRecipient.updateMany({ where: { id: { in: firstThree.map((r) => r.id) } }, data: { status: 'FAILED' } });
    const counts = await countRecipientsByStatus(campaignId);
    expect(counts).toEqual({ FAILED: 3, PENDING: total - 3 });
  });

  it('splits them into pages counted from 1, in a stable order, each recipient on exactly one page', async () => {
    const first = await listRecipients(campaignId, undefined, 1);
    const second = await listRecipients(campaignId, undefined, 2);
    expect(first).toHaveLength(RECIPIENTS_PAGE_SIZE);
    expect(second).toHaveLength(total - RECIPIENTS_PAGE_SIZE);
    const ids = [...first, ...second].map((r) => r.id);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(first[0]!.supporter.email).toMatch(/@example\.org$/);
    expect((await listRecipients(campaignId, 'FAILED', 1)).map((r) => r.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });
});
