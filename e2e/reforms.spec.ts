import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { createOrganizer, signInAs } from './helpers/auth';
import { expectNoMail, findLink, mailMark, readCaughtMail, readLatestMail } from './helpers/mail';

const STALKING = 'criminalise-stalking'; // seeded demo reform

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
}

/** The raw caught message, parsed, so the test reads headers the way a mail provider does. */
async function parsedMail(id: string) {
  return simpleParser((await readCaughtMail(id)).raw);
}

async function recordStage(page: Page, stage: string, date: string, note: string) {
  await page.goto(`/en/console/reforms`);
  await page.getByRole('link', { name: 'Criminalising stalking' }).click();
  await page.getByLabel('Stage', { exact: true }).selectOption(stage);
  await page.getByLabel('Date', { exact: true }).fill(date);
  for (const locale of ['kk', 'ru', 'en']) await page.getByLabel(`Note (${locale})`).fill(`${note} (${locale})`);
  for (const locale of ['kk', 'ru', 'en']) await page.getByLabel(`Source description (${locale})`).fill(`E2E source (${locale})`);
  await page.getByRole('button', { name: 'Record the stage' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stage recorded' })).toBeVisible();
}

test('subscribe, confirm, get an alert in my language, unsubscribe in one click, get nothing more', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const email = `reader-${Date.now()}@example.org`;
  const started = await mailMark();

  // The list, filtered by stage through the URL.
  await page.goto('/ru/reforms?stage=SIGNED');
  await expect(page.getByRole('heading', { level: 1, name: 'Трекер реформ' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Уголовная ответственность за преследование (сталкинг)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Присоединение к Стамбульской конвенции' })).toHaveCount(0);
  await expectAccessible(page);

  // The reform page: timeline, and the form (Russian page, Kazakh mail).
  await page.goto(`/ru/reforms/${STALKING}`);
  await expect(page.getByRole('heading', { name: 'Хронология' })).toBeVisible();
  await expect(page.getByText('16 июля 2025 г.')).toBeVisible();
  await page.getByRole('button', { name: 'Получать уведомления' }).click();
  await expect(page.locator('#alerts-consent-error')).toBeVisible(); // nothing sent without consent
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Язык писем').selectOption('kk');
  await page.getByLabel('Каждое обновление, сразу').check();
  await page.getByLabel(/Я согласна/).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Получать уведомления' }).click();
  await expect(page).toHaveURL(/\/ru\/reforms\/alerts\/sent$/);

  // Double opt-in: the link opens a page; only its button (a POST) confirms.
  const confirmMail = await readLatestMail(email, started);
  expect(confirmMail.subject).toBe('Электрондық поштаңызды растаңыз'); // discreet mail, the default
  await page.goto(findLink(confirmMail, /\/kk\/reforms\/alerts\/confirm$/));
  await expect(page.getByRole('heading', { name: 'Хабарламаларды растаңыз' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Растау' }).click();
  await expect(page.getByRole('heading', { name: 'Хабарламалар қосылды' })).toBeVisible();

  // An organizer records a stage.
  const organizer = `reforms-organizer-${Date.now()}@example.org`;
  await createOrganizer(organizer);
  const organizerContext = await browser.newContext();
  await signInAs(organizerContext, baseURL!, organizer);
  const consolePage = await organizerContext.newPage();
  const beforeAlert = await mailMark();
  await recordStage(consolePage, 'IN_FORCE', '2025-08-01', 'E2E in force');
  await expectAccessible(consolePage);

  // The alert arrives, in Kazakh, with RFC 8058 one-click unsubscribe headers.
  const alert = await readLatestMail(email, beforeAlert, 30_000);
  expect(alert.subject).toBe('Жазылымыңыз бойынша жаңалықтар');
  expect(alert.text).toContain('Күшіне енді: ');
  expect(alert.text).toContain('E2E in force (kk)');
  const parsed = await parsedMail(alert.id);
  expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  const listUnsubscribe = parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
  const oneClick = /<(https?:\/\/[^>]+\/api\/unsubscribe\?token=[^>]+)>/.exec(listUnsubscribe)![1]!;

  // One click, the way a mail provider does it: a POST with List-Unsubscribe=One-Click.
  const response = await request.post(new URL(new URL(oneClick).pathname + new URL(oneClick).search, baseURL).toString(), {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(response.status()).toBe(200);

  // The next stage reaches other subscribers, not this one.
  const afterUnsubscribe = await mailMark();
  await recordStage(consolePage, 'STALLED', '2025-08-02', 'E2E later');
  await readLatestMail('demo-reforms-2@example.org', afterUnsubscribe, 30_000); // the fan-out ran
  expect(await expectNoMail(email, afterUnsubscribe, 5_000)).toBe(true);
  await organizerContext.close();

  // The feed carries both stages.
  const feed = await request.get(`/api/reforms/${STALKING}/feed.xml?locale=en`);
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).toContain('E2E in force (en)');
});
