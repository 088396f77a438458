import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';
import { addSlotCampaign, upcomingSlot } from './helpers/dates';
import { keyringOf, withDatabase } from './helpers/mail';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Supporters who opted in to updates, inserted in one statement each table; their ids in order. */
async function seedSupporters(emails: string[]): Promise<string[]> {
  return withDatabase(async (client) => {
    const keys = await keyringOf(client);
    const ids = emails.map(() => randomUUID());
    await client.query(
      `INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", locale, region, "updatedAt")
       SELECT id, idx, sealed, 'en', 'ALMATY', now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, idx, sealed)`,
      [ids, emails.map((e) => keys.emailIndex(e)), emails.map((e) => keys.seal('email', e))],
    );
    await client.query(
      `INSERT INTO "Consent" (id, "supporterId", purpose, "textVersion", action)
       SELECT gen_random_uuid()::text, id, 'updates', 'e2e', 'e2e' FROM unnest($1::text[]) AS t(id)`,
      [ids],
    );
    return ids;
  });
}

test('the event picker finds an event by part of its title, shows it as a chip and the recipient count follows', async ({
  page,
  baseURL,
}) => {
  const organizer = `picker-${run}@dauys.localhost`;
  const title = `Picker evening ${run}`;
  const slot = upcomingSlot();
  await addSlotCampaign(slot);
  const [attendee] = await seedSupporters([`picker-${run}@example.org`]);
  await withDatabase(async (client) => {
    const keys = await keyringOf(client);
    const eventId = `e2e-picker-${run}`;
    await client.query(
      `INSERT INTO "Event" (id, "campaignId", slug, title, description, type, "startsAt", "endsAt", region, city, "cityKey", languages,
                            "organiserName", status, "updatedAt")
       SELECT $1, id, $1, $2::jsonb, '{"en":"Test"}', 'LECTURE', $3::timestamp AT TIME ZONE 'Asia/Almaty',
              $4::timestamp AT TIME ZONE 'Asia/Almaty', 'ALMATY', '{"en":"Almaty"}', 'almaty', '{en}', '{"en":"E2E"}', 'PUBLISHED', now()
         FROM "EventCampaign" WHERE slug = $5`,
      [eventId, JSON.stringify({ kk: title, ru: title, en: title }), slot.start, slot.end, slot.campaign.slug],
    );
    const email = `picker-${run}@example.org`;
    await client.query(
      `INSERT INTO "Rsvp" (id, "eventId", "supporterId", "emailIndex", "emailSealed", "nameSealed", locale, status, "consentVersion",
                           "confirmedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'en', 'CONFIRMED', 'e2e', now(), now())`,
      [randomUUID(), eventId, attendee, keys.emailIndex(email), keys.seal('email', email), keys.seal('name', 'Picker')],
    );
  });
  await createOrganizer(organizer);
  await signInAs(page.context(), baseURL!, organizer);

  await page.goto('/en/console/campaigns/new');
  const search = page.getByRole('searchbox', { name: 'Find an event by its title' });
  const events = page.getByRole('group', { name: 'Attendees of events' });
  const box = events.getByRole('checkbox', { name: `Attendees of “${title}”` });
  await expect(search).toBeVisible();
  // Well over a dozen events in the demo: the list is bounded until the title narrows it.
  expect(await events.getByRole('checkbox').count()).toBeLessThanOrEqual(12);
  await expect(page.getByText(/events match; the first 12 are shown/)).toBeVisible();

  await search.fill(`evening ${run}`.toUpperCase());
  await expect(page.locator('#campaign-event-matches')).toHaveText('1 event matches.');
  await expect(events.getByRole('checkbox')).toHaveCount(1);
  await box.check();
  await expect(page.getByTestId('recipient-count')).toContainText('1 person will receive it', { timeout: 20_000 });
  const chip = page.getByRole('button', { name: `Remove “${title}”` });
  await expect(chip).toBeVisible();

  // The chosen event stays chosen (and posted) when the search moves on to other titles.
  await search.fill('no event is called this');
  await expect(page.locator('#campaign-event-matches')).toHaveText('No event matches.');
  await expect(chip).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await chip.click();
  await expect(chip).toBeHidden();
  await expect(page.getByText('No event chosen.')).toBeVisible();
  await search.fill(run);
  await box.check();
  await expect(chip).toBeVisible();
  await search.fill('');

  await page.getByLabel('Internal name (recipients do not see it)').fill(`Picker ${run}`);
  const english = page.getByRole('group', { name: 'English' });
  await english.getByLabel('Subject').fill(`Picker ${run}`);
  await english.getByLabel('Text (Markdown)').fill('Hello.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/en\/console\/campaigns\/[a-z0-9]+$/);
  await expect(page.getByRole('button', { name: `Remove “${title}”` })).toBeVisible();
  await expect(page.getByTestId('recipient-count')).toContainText('1 person will receive it', { timeout: 20_000 });
});

test('the progress page shows an accessible progress bar, pages recipients without JavaScript and fits a phone', async ({
  browser,
  page,
  baseURL,
}) => {
  const organizer = `progress-${run}@dauys.localhost`;
  const emails = Array.from({ length: 130 }, (_, i) => `progress-${String(i).padStart(3, '0')}-${run}@example.org`);
  const supporterIds = await seedSupporters(emails);
  const campaignId = `e2e-progress-${run}`;
  // 105 sent, 3 failed, 2 skipped, 20 waiting: 110 of 130 handled, a paused campaign.
  const statusAt = (i: number) => (i < 105 ? 'SENT' : i < 108 ? 'FAILED' : i < 110 ? 'SKIPPED' : 'PENDING');
  await withDatabase(async (client) => {
    await client.query(
      `INSERT INTO "EmailCampaign" (id, name, subject, body, audience, status, "recipientCount", "startedAt", "updatedAt")
       VALUES ($1, $2, '{"en":"Progress"}', '{"en":"Hello"}', '{"sources":[{"type":"updates"}],"regions":[],"locales":[],"tagIds":[]}',
               'PAUSED', 130, now(), now())`,
      [campaignId, `Progress ${run}`],
    );
    await client.query(
      `INSERT INTO "CampaignRecipient" ("campaignId", "supporterId", locale, status, attempts, "sentAt")
       SELECT $1, id, 'en', status::"CampaignRecipientStatus", 1, CASE WHEN status = 'SENT' THEN now() END
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(id, status, n) ORDER BY n`,
      [campaignId, supporterIds, supporterIds.map((_, i) => statusAt(i))],
    );
  });
  await createOrganizer(organizer);

  await signInAs(page.context(), baseURL!, organizer);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/en/console/campaigns/${campaignId}`);
  const bar = page.getByRole('progressbar', { name: 'Progress' });
  await expect(bar).toHaveAttribute('value', '110');
  await expect(bar).toHaveAttribute('max', '130');
  await expect(page.getByText('110 of 130 handled (84%)')).toBeVisible();
  await expect(page.getByTestId('sent-count')).toHaveText('105');
  await expect(page.getByText('Recipients 1–100 of 130')).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(100);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Without JavaScript: the page links and the status filter are plain links.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await signInAs(noScript, baseURL!, organizer);
  const plain = await noScript.newPage();
  await plain.goto(`/en/console/campaigns/${campaignId}`);
  await plain.getByRole('link', { name: 'Page 2 of 2' }).click();
  await expect(plain).toHaveURL(/\?page=2$/);
  await expect(plain.getByText('Recipients 101–130 of 130')).toBeVisible();
  await expect(plain.locator('tbody tr')).toHaveCount(30);
  await expect(plain.getByRole('link', { name: 'Page 2 of 2' })).toHaveAttribute('aria-current', 'page');
  await expect(plain.getByRole('row').filter({ hasText: emails[129]! })).toContainText('Waiting');
  await plain.getByRole('link', { name: 'Previous' }).click();
  await expect(plain.getByText('Recipients 1–100 of 130')).toBeVisible();
  await expect(plain.getByRole('row').filter({ hasText: emails[0]! })).toContainText('Sent');
  await plain.getByRole('link', { name: 'Failed (3)' }).click();
  await expect(plain.getByText('Recipients 1–3 of 3')).toBeVisible();
  await expect(plain.getByRole('navigation', { name: 'Pages of recipients' })).toHaveCount(0);
  await noScript.close();
});
