import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
}

async function organizerPage(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, ...(viewport ? { viewport } : {}) });
  await signInAs(context, baseURL, email);
  return context.newPage();
}

test('the console opens on the campaign at a glance, in English and Kazakh, and fits a phone', async ({ browser }) => {
  const email = `dashboard-${Date.now()}@example.org`;
  await createOrganizer(email);

  const page = await organizerPage(browser, email);
  await page.goto('/en/console');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  for (const section of [
    'Signatures',
    'Near a milestone',
    'Mail failures',
    'Upcoming events',
    'Campaign mail being sent or scheduled',
    'Latest reform stages',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  }
  // The demo's open petitions each have a chart, and its text alternative as a table.
  await expect(page.getByRole('img', { name: /^Signatures per day over the last 14 days/ }).first()).toBeVisible();
  await page.getByText('Signatures per day', { exact: true }).first().click();
  await expect(page.getByRole('columnheader', { name: 'Pending' }).first()).toBeVisible();
  await expect(page.getByText(/events? (is|are) waiting for moderation/)).toBeVisible();
  await expectAccessible(page);

  await page.goto('/kk/console');
  await expect(page.getByRole('heading', { level: 1, name: 'Шолу' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Қолдар', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Реформалардың соңғы кезеңдері' })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();

  const phone = await organizerPage(browser, email, { width: 360, height: 740 });
  await phone.goto('/en/console');
  await expect(phone.getByRole('heading', { level: 2, name: 'Upcoming events' })).toBeVisible();
  // The console's links fold behind Menu: the first screen shows the page, not a wall of links.
  const nav = phone.getByRole('navigation', { name: 'Console' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Campaigns' })).toBeHidden();
  await expect(phone.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInViewport();
  await expectAccessible(phone);
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await expect(phone).toHaveURL(/\/en\/console\/campaigns$/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeHidden();
  await phone.goto('/en/console');
  // Nothing widens the page past the screen (wide tables scroll inside it).
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(phone);
  await phone.context().close();
});
