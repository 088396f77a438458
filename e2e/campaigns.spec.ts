import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';
import { holdPageScripts } from './helpers/slow-script';
import { expectNoMail, findLink, keyringOf, mailMark, readLatestMail, withDatabase } from './helpers/mail';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ORGANIZER = `campaigns-${run}@dauys.localhost`;
const TAG = `e2e-${run}`;
const PEOPLE = [0, 1, 2].map((i) => `person-${i}-${run}@example.org`);

/** Supporters in Almaty who opted in to updates, tagged so the audience holds exactly them. */
async function seedSupporters(tag: string, people: string[]) {
  await withDatabase(async (client) => {
    const keys = await keyringOf(client);
    const tagId = randomUUID();
    await client.query('INSERT INTO "Tag" (id, name) VALUES ($1, $2)', [tagId, tag]);
    for (const email of people) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", locale, region, "updatedAt") VALUES ($1, $2, $3, 'en', 'ALMATY', now())`,
        [id, keys.emailIndex(email), keys.seal('email', email)],
      );
      await client.query(
        `INSERT INTO "Consent" (id, "supporterId", purpose, "textVersion", action) VALUES ($1, $2, 'updates', 'e2e', 'e2e')`,
        [randomUUID(), id],
      );
      await client.query('INSERT INTO "SupporterTag" ("supporterId", "tagId") VALUES ($1, $2)', [id, tagId]);
    }
  });
}

async function rawMailTo(to: string, since: Date): Promise<string> {
  return (await readLatestMail(to, since, 30_000)).raw;
}

async function composeAndSave(page: Page, name: string, expectedCount: number) {
  await page.goto('/en/console/campaigns/new');
  await page.getByLabel('Internal name (recipients do not see it)').fill(name);
  const english = page.getByRole('group', { name: 'English' });
  await english.getByLabel('Subject').fill(`Campaign news ${run}`);
  await english.getByLabel('Text (Markdown)').fill(`Hello! **The Senate** votes this week.\n\nRun ${run}.`);
  await page.getByRole('checkbox', { name: TAG }).check();
  // The first server action of a freshly started process can be slow on a loaded machine.
  await expect(page.getByTestId('recipient-count')).toContainText(
    `${expectedCount} ${expectedCount === 1 ? 'person' : 'people'} will receive it`,
    { timeout: 20_000 },
  );
  return english;
}

test('an organizer builds an audience, previews, test-sends and sends; one-click unsubscribe holds for the next campaign', async ({
  page,
  baseURL,
}) => {
  await createOrganizer(ORGANIZER);
  await seedSupporters(TAG, PEOPLE);
  await signInAs(page.context(), baseURL!, ORGANIZER);

  const english = await composeAndSave(page, `First ${run}`, 3);
  await english.getByRole('button', { name: 'Preview in English' }).click();
  const preview = page.frameLocator('iframe[title="Preview of the email"]');
  await expect(preview.getByText('The Senate', { exact: true })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'Unsubscribe' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).exclude('iframe').analyze();
  expect(axe.violations).toEqual([]);

  const testSince = await mailMark();
  await page.getByRole('button', { name: 'Send me a test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A test was sent' })).toBeVisible();
  const testMail = await readLatestMail(ORGANIZER, testSince, 20_000);
  expect(testMail.subject).toBe(`[Test] Campaign news ${run}`);

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/en\/console\/campaigns\/[a-z0-9]+$/);
  const sendSince = await mailMark();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('sent-count')).toHaveText('3', { timeout: 45_000 });
  await expect(page.getByText('Sent', { exact: true }).first()).toBeVisible();

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await expect(page.getByRole('table').getByRole('link', { name: PEOPLE[0]! })).toBeVisible();

  // The supporter record: found by email, with the mail received, exportable (audit-logged), axe-clean.
  await page.goto(`/en/console/supporters?q=${encodeURIComponent(PEOPLE[0]!)}`);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('link', { name: PEOPLE[0]! }).click();
  await expect(page.getByRole('heading', { level: 1, name: PEOPLE[0]! })).toBeVisible();
  await expect(page.getByRole('link', { name: `First ${run}` })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const exportHref = await page.getByRole('link', { name: /Export this person/ }).getAttribute('href');
  const exported = await (await page.request.get(exportHref!)).json();
  expect(exported.supporter.email).toBe(PEOPLE[0]);
  const audits = await withDatabase(
    async (client) =>
      (
        await client.query(
          `SELECT count(*)::int AS n FROM "AuditLog" a JOIN "User" u ON u.id = a."actorId" WHERE a.action = 'supporter.export' AND u.email = $1`,
          [ORGANIZER],
        )
      ).rows[0].n,
  );
  expect(audits).toBe(1);

  const raws = await Promise.all(PEOPLE.map((to) => rawMailTo(to, sendSince)));
  for (const raw of raws) {
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(raw).toContain(`Campaign news ${run}`);
  }
  // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the header's URL.
  const header = raws[0]!.replace(/\r?\n[ \t]+/g, ' ').match(/^List-Unsubscribe: <(https?:[^>]+)>/m)![1]!;
  const oneClick = new URL(header);
  const response = await page.request.post(oneClick.pathname + oneClick.search, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(response.ok()).toBe(true);

  await composeAndSave(page, `Second ${run}`, 2);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/en\/console\/campaigns\/[a-z0-9]+$/);
  const secondSince = await mailMark();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('sent-count')).toHaveText('2', { timeout: 45_000 });
  await rawMailTo(PEOPLE[1]!, secondSince);
  await rawMailTo(PEOPLE[2]!, secondSince);
  expect(await expectNoMail(PEOPLE[0]!, secondSince, 3_000)).toBe(true);

  // "Manage my subscriptions" from the mail's footer: per topic and language, without an account.
  const manage = new URL(findLink(await readLatestMail(PEOPLE[1]!, secondSince), /\/subscriptions$/));
  await page.context().clearCookies();
  await page.goto(manage.pathname + manage.search);
  await expect(page.getByRole('heading', { name: 'Manage my subscriptions' })).toBeVisible();
  const axePublic = await new AxeBuilder({ page }).analyze();
  expect(axePublic.violations).toEqual([]);
  await page.getByRole('checkbox', { name: 'News about campaigns' }).uncheck();
  await page.getByLabel('Language of the emails').selectOption('kk');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/kk\/subscriptions\?/);
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Жаңалықтар: науқандар' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Жаңалықтар: петициялар' })).toBeChecked();
});

test('boxes ticked on a slow phone before the script runs stay ticked, and the recipient count follows them', async ({ page, baseURL }) => {
  const organizer = `campaigns-slow-${run}@dauys.localhost`;
  const tag = `slow-${run}`;
  await createOrganizer(organizer);
  await seedSupporters(tag, [`slow-${run}@example.org`]);
  await signInAs(page.context(), baseURL!, organizer);

  const slowPhone = await holdPageScripts(page);
  await page.goto('/en/console/campaigns/new', { waitUntil: 'commit' });
  // Boxes of groups, not the first of each: the form kit must not reset them when its script starts.
  await page.getByRole('checkbox', { name: 'Almaty (city)', exact: true }).check();
  await page.getByRole('checkbox', { name: tag }).check();
  expect(await slowPhone.isHydrated('campaign-name')).toBe(false);
  await slowPhone.release('campaign-name');
  await expect(page.getByRole('checkbox', { name: 'Almaty (city)', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: tag })).toBeChecked();
  await expect(page.getByTestId('recipient-count')).toContainText('1 person will receive it');
});
