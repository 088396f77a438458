import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';
import { withDatabase } from './helpers/mail';

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** An organizer who set up an authenticator app (the console opens for them when a second factor is required). */
async function createOrganizerWithApp(email: string, role: 'ADMIN' | 'ORGANIZER') {
  await createOrganizer(email, role);
  await withDatabase((client) => client.query(`UPDATE "User" SET "totpConfirmedAt" = now() WHERE email = $1`, [email]));
}

/** The settings are one row for the whole server: every test leaves the deployment's defaults behind. */
test.afterEach(async () => {
  await withDatabase((client) => client.query('DELETE FROM "SecuritySettings"'));
});

const sessionList = (page: Page) => page.getByRole('list', { name: 'Where you are signed in' });

test('an organizer sees both of their sessions, ends the other one, which is signed out, and makes recovery codes shown once', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `two-devices-${unique()}@example.org`;
  await createOrganizer(email);
  await signInAs(page.context(), baseURL!, email);
  const otherContext = await browser.newContext();
  await signInAs(otherContext, baseURL!, email);
  const other = await otherContext.newPage();
  await other.goto('/en/console');
  await expect(other.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.goto('/en/console');
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  const sessions = sessionList(page).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText('This device');
  await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
  // The other browser told its name when it opened the console; the place is its network.
  await expect(sessions.nth(1)).toContainText('Chrome');
  await expect(sessions.nth(1)).toContainText('Network');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await sessions.nth(1).getByRole('button', { name: 'End', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The session was ended' })).toBeVisible();
  await expect(sessionList(page).getByRole('listitem')).toHaveCount(1);
  await other.goto('/en/console/petitions');
  await expect(other).toHaveURL(/\/en\/login$/);
  await otherContext.close();

  // New recovery codes: ten, on the page and nowhere in its address; gone after a reload.
  await expect(page.getByText('You have no unused recovery codes.')).toBeVisible();
  await page.getByRole('button', { name: 'Make new recovery codes' }).click();
  const shown = page.getByRole('region', { name: 'Your new recovery codes' });
  await expect(shown.getByRole('listitem')).toHaveCount(10);
  const firstCode = (await shown.getByRole('listitem').first().innerText()).trim();
  expect(firstCode).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  expect(page.url()).not.toContain(firstCode);
  await expect(page.getByText('You have 10 unused recovery codes.')).toBeVisible();
  await page.reload();
  await expect(page.getByText(firstCode)).toHaveCount(0);

  // Ending this device's session is signing out here.
  await sessionList(page).getByRole('button', { name: 'End (sign out here)' }).click();
  await expect(page).toHaveURL(/\/en\/login$/);
  await page.goto('/en/console/security');
  await expect(page).toHaveURL(/\/en\/login$/);
});

test('an admin requires a second factor: an organizer without one who opens the console is sent to enrol', async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = `security-admin-${unique()}@example.org`;
  await createOrganizerWithApp(admin, 'ADMIN');
  await signInAs(page.context(), baseURL!, admin);
  await page.goto('/en/console/security');
  await expect(page.getByText('These are the deployment’s defaults')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole('checkbox', { name: 'Require a second factor for every organizer' }).check();
  await page.getByLabel('Session lifetime, in hours').fill('12');
  await page.getByLabel('Idle timeout, in minutes').fill('45');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Set here by an admin on .+; this wins over the deployment’s defaults\./)).toBeVisible();
  await expect(page.getByLabel('Idle timeout, in minutes')).toHaveValue('45');

  const organizer = `no-factor-${unique()}@example.org`;
  await createOrganizer(organizer);
  const organizerContext = await browser.newContext();
  await signInAs(organizerContext, baseURL!, organizer);
  const organizerPage = await organizerContext.newPage();
  // The enrolment page is another part of the console's sign-in; only where the organizer is sent matters here.
  await organizerPage.goto('/en/console');
  await expect(organizerPage).toHaveURL(/\/en\/login\/enrol$/);
  await organizerContext.close();
});

test('saving the settings with a second factor older than 10 minutes asks to confirm it first, and saves nothing', async ({
  page,
  baseURL,
}) => {
  const admin = `stale-admin-${unique()}@example.org`;
  await createOrganizerWithApp(admin, 'ADMIN');
  await signInAs(page.context(), baseURL!, admin, { secondFactorMinutesAgo: 11 });
  await page.goto('/en/console/security');
  await page.getByRole('checkbox', { name: 'Require a second factor for every organizer' }).check();
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page).toHaveURL(/\/en\/login\/verify\?next=%2Fen%2Fconsole%2Fsecurity$/);
  const stored = await withDatabase((client) => client.query('SELECT 1 FROM "SecuritySettings"'));
  expect(stored.rowCount).toBe(0);
});

test('an admin ends every session of an organizer and changes their role; both sign the organizer out', async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = `ending-admin-${unique()}@example.org`;
  const organizer = `ended-${unique()}@example.org`;
  await createOrganizer(admin, 'ADMIN');
  await createOrganizer(organizer);
  await signInAs(page.context(), baseURL!, admin);
  const organizerContext = await browser.newContext();
  const organizerPage = await organizerContext.newPage();

  await signInAs(organizerContext, baseURL!, organizer);
  await organizerPage.goto('/en/console');
  await expect(organizerPage.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.goto('/en/console/organizers');
  await page.getByRole('button', { name: `End all sessions of ${organizer}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The organizer was signed out everywhere.' })).toBeVisible();
  await organizerPage.goto('/en/console');
  await expect(organizerPage).toHaveURL(/\/en\/login$/);

  await signInAs(organizerContext, baseURL!, organizer);
  await organizerPage.goto('/en/console');
  await expect(organizerPage.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Organizers' })).toHaveCount(0);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: organizer }) });
  await row.getByRole('combobox', { name: `Role of ${organizer}` }).selectOption('ADMIN');
  await row.getByRole('button', { name: `Change the role of ${organizer}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The role was changed.' })).toBeVisible();
  await expect(row.getByRole('cell').first()).toHaveText('Admin');
  await organizerPage.goto('/en/console');
  await expect(organizerPage).toHaveURL(/\/en\/login$/);
  await organizerContext.close();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // In the audit log, in words.
  await page.goto('/en/console/audit');
  const log = page.getByRole('table');
  await expect(
    log.getByRole('row').filter({ hasText: 'ended every session of an organizer' }).filter({ hasText: admin }).first(),
  ).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'changed an organizer’s role' }).filter({ hasText: admin }).first()).toBeVisible();
});

test('on a phone, without JavaScript, in Russian: the security page fits, makes recovery codes, ends a session and checks the settings', async ({
  browser,
  baseURL,
}) => {
  const admin = `phone-admin-${unique()}@example.org`;
  await createOrganizerWithApp(admin, 'ADMIN');
  const elsewhere = await browser.newContext();
  await signInAs(elsewhere, baseURL!, admin);
  await elsewhere.close();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, baseURL });
  await signInAs(context, baseURL!, admin);
  const page = await context.newPage();

  await page.goto('/ru/console/security');
  await expect(page.getByRole('heading', { level: 1, name: 'Безопасность' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(page.getByText('Приложение-аутентификатор подключено.')).toBeVisible();
  // Without JavaScript nothing folds the console's links away: they are all there, with no Menu button.
  await expect(page.getByRole('navigation', { name: 'Консоль' }).getByRole('link', { name: 'Рассылки' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Меню' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Создать новые коды восстановления' }).click();
  await expect(page.getByRole('region', { name: 'Ваши новые коды восстановления' }).getByRole('listitem')).toHaveCount(10);
  expect(page.url()).toMatch(/\/ru\/console\/security$/);
  await expect(page.getByText('Осталось 10 неиспользованных кодов восстановления.')).toBeVisible();

  const sessions = page.getByRole('list', { name: 'Где выполнен вход' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await sessions.nth(1).getByRole('button', { name: 'Завершить', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сеанс завершён' })).toBeVisible();
  await expect(sessions).toHaveCount(1);

  await page.getByLabel('Тайм-аут бездействия, в минутах').fill('4');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByText('Выберите от 5 до 1440 минут.')).toBeVisible();
  await expect(page.getByLabel('Тайм-аут бездействия, в минутах')).toHaveValue('4');
  await page.getByLabel('Тайм-аут бездействия, в минутах').fill('90');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено.' })).toBeVisible();
  const stored = await withDatabase((client) =>
    client.query<{ sessionIdleMinutes: number }>('SELECT "sessionIdleMinutes" FROM "SecuritySettings"'),
  );
  expect(stored.rows).toEqual([{ sessionIdleMinutes: 90 }]);
  await context.close();
});
