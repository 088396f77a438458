import { emailIndexOf, opened } from '@/tests/support/personal-data';
import { actorFor } from '@/tests/support/actor';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { countAudience } from '@/lib/campaigns/count-audience';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { createCampaign, createOrganizer, createSupporter } from './helpers/fixtures';

let organizer: { id: string };
let tagAlmatyVolunteers: string;

beforeAll(async () => {
  organizer = await createOrganizer();
  await createSupporter({ email: 'kk-almaty@example.org', locale: 'kk', region: 'ALMATY', tags: ['volunteer'] });
  await createSupporter({ email: 'ru-almaty@example.org', locale: 'ru', region: 'ALMATY' });
  await createSupporter({ email: 'en-astana@example.org', locale: 'en', region: 'ASTANA', tags: ['volunteer'] });
  await createSupporter({ email: 'ru-noregion@example.org', locale: 'ru', region: null });
  // Never mailable:
  await createSupporter({ email: 'no-consent@example.org', consent: 'none', region: 'ALMATY' });
  await createSupporter({ email: 'withdrawn@example.org', consent: 'withdrawn', region: 'ALMATY' });
  await createSupporter({ email: 'unsub-all@example.org', unsubscribed: ['all'], region: 'ALMATY' });
  await createSupporter({ email: 'unsub-campaigns@example.org', unsubscribed: ['campaigns'], region: 'ALMATY' });
  await createSupporter({ email: 'bounced@example.org', bounced: true, region: 'ALMATY' });
  // Unsubscribed from another topic only: still mailable.
  await createSupporter({ email: 'unsub-reforms@example.org', unsubscribed: ['reforms'], region: 'SHYMKENT', locale: 'kk' });
  tagAlmatyVolunteers = (await db.tag.findUniqueOrThrow({ where: { name: 'volunteer' } })).id;
});

async function emailsOf(campaignId: string) {
  const rows = await db.campaignRecipient.findMany({ where: { campaignId }, include: { supporter: true } });
  const supporters = await opened(rows.map((row) => row.supporter));
  return Object.fromEntries(rows.map((row, index) => [supporters[index]!.email, row.locale]));
}

describe('audience arithmetic', () => {
  it('everyone opted in to updates, minus the unsubscribed, the bounced and those without consent', async () => {
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(5);
  });

  it('narrows by region, language and tag, each as "any of", all together as "and"', async () => {
    expect(await countAudience({ sources: [{ type: 'updates' }], regions: ['ALMATY'] })).toBe(2);
    expect(await countAudience({ sources: [{ type: 'updates' }], regions: ['ALMATY', 'ASTANA'] })).toBe(3);
    expect(await countAudience({ sources: [{ type: 'updates' }], locales: ['kk'] })).toBe(2);
    expect(await countAudience({ sources: [{ type: 'updates' }], tagIds: [tagAlmatyVolunteers] })).toBe(2);
    expect(
      await countAudience({ sources: [{ type: 'updates' }], regions: ['ALMATY'], locales: ['kk'], tagIds: [tagAlmatyVolunteers] }),
    ).toBe(1);
    expect(await countAudience({ sources: [{ type: 'updates' }], regions: ['PAVLODAR'] })).toBe(0);
  });

  it('reform subscribers: confirmed ones of that reform or of all reforms, still only with consent', async () => {
    const reform = await db.reform.create({
      data: { slug: 'audience-reform', title: { kk: 'R', ru: 'R', en: 'R' }, summary: { kk: 'S', ru: 'S', en: 'S' } },
    });
    const other = await db.reform.create({
      data: { slug: 'audience-other', title: { kk: 'O', ru: 'O', en: 'O' }, summary: { kk: 'S', ru: 'S', en: 'S' } },
    });
    const subscribe = async (email: string, reformId: string | null, status: 'CONFIRMED' | 'PENDING') => {
      const supporter = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf(email) } });
      await db.reformSubscription.create({
        data: {
          supporterId: supporter.id,
          reformId,
          scopeKey: reformId ?? 'all',
          locale: supporter.locale,
          status,
          consentVersion: 'test',
          confirmedAt: status === 'CONFIRMED' ? new Date() : null,
        },
      });
    };
    await subscribe('kk-almaty@example.org', reform.id, 'CONFIRMED');
    await subscribe('ru-almaty@example.org', null, 'CONFIRMED');
    await subscribe('en-astana@example.org', reform.id, 'PENDING');
    await subscribe('ru-noregion@example.org', other.id, 'CONFIRMED');
    await subscribe('no-consent@example.org', reform.id, 'CONFIRMED');
    expect(await countAudience({ sources: [{ type: 'reform', reformId: reform.id }] })).toBe(2);
    expect(await countAudience({ sources: [{ type: 'reform', reformId: other.id }] })).toBe(2);
  });

  it("materialises exactly the counted audience, once, with each person's language or the fallback", async () => {
    const campaignId = await createCampaign(organizer, {
      subject: { ru: 'Новость', en: 'News', kk: '' },
      body: { ru: 'Текст', en: 'Text', kk: '' },
    });
    const total = await startCampaign(campaignId, await actorFor(organizer));
    expect(total).toBe(5);
    expect(await emailsOf(campaignId)).toEqual({
      'kk-almaty@example.org': 'ru', // Kazakh not written: Russian comes first in the fallback order
      'ru-almaty@example.org': 'ru',
      'en-astana@example.org': 'en',
      'ru-noregion@example.org': 'ru',
      'unsub-reforms@example.org': 'ru',
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'campaign.send', subjectId: campaignId } });
    expect(audit.actorId).toBe(organizer.id);
    expect(audit.details).toMatchObject({ recipients: 5 });
    // A second start is refused, and the ledger still holds one row per person.
    await expect(startCampaign(campaignId, await actorFor(organizer))).rejects.toThrow();
    expect(await db.campaignRecipient.count({ where: { campaignId } })).toBe(5);
  });

  it('falls back to Kazakh when Russian is missing, and to English last', async () => {
    const kkOnly = await createCampaign(organizer, { subject: { kk: 'Ж', ru: '', en: '' }, body: { kk: 'М', ru: '', en: '' } });
    await startCampaign(kkOnly, await actorFor(organizer));
    expect(new Set(Object.values(await emailsOf(kkOnly)))).toEqual(new Set(['kk']));
    const enKk = await createCampaign(organizer, { subject: { kk: 'Ж', ru: '', en: 'N' }, body: { kk: 'М', ru: '', en: 'T' } });
    await startCampaign(enKk, await actorFor(organizer));
    const locales = await emailsOf(enKk);
    expect(locales['ru-almaty@example.org']).toBe('kk');
    expect(locales['en-astana@example.org']).toBe('en');
  });
});
