import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';
import { countOutboundMail, expectNoMail, findLink, mailMark, readLatestMail, withDatabase } from './helpers/mail';

const DEMO_ADMIN = 'admin@dauys.localhost';
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
// Sign-in mails are limited to 5 an hour per address and 20 per IP: only the first test asks for
// the demo admin's link; the others use organizers of their own.

async function requestLink(page: Page, email: string) {
  await page.goto('/en/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
}

/** Asks for a link, reads it from the caught mail and returns it (not yet opened). */
async function mailedSignInLink(page: Page, email: string): Promise<string> {
  const since = await mailMark();
  await requestLink(page, email);
  const mail = await readLatestMail(email, since);
  return findLink(mail, /\/login\/confirm$/);
}

async function openLinkAndConfirm(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Finish signing in' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/console$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('the demo admin invites an organizer, who signs in through the mailed link and signs out', async ({ page, browser }) => {
  await openLinkAndConfirm(page, await mailedSignInLink(page, DEMO_ADMIN));
  await expect(page.getByText(`Signed in as ${DEMO_ADMIN}`)).toBeVisible();
  // Inviting needs a second factor passed in the last 10 minutes; the demo admin has none enrolled, so
  // the passkey or app step (covered by the second-factor specs) is stood in for here.
  await withDatabase((client) =>
    client.query(`UPDATE "Session" SET "secondFactorAt" = now() WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [DEMO_ADMIN]),
  );

  const organizerEmail = `organizer-${unique()}@example.org`;
  const nav = page.getByRole('navigation', { name: 'Console' });
  await nav.getByRole('link', { name: 'Organizers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizers' })).toBeVisible();
  const invitedAt = await mailMark();
  await page.getByLabel('Email address').fill(organizerEmail);
  await page.getByLabel('Role', { exact: true }).selectOption('ORGANIZER');
  await page.getByLabel('Language of the invitation').selectOption('en');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${organizerEmail}` })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: organizerEmail })).toBeVisible();

  const invitation = await readLatestMail(organizerEmail, invitedAt);
  const loginLink = findLink(invitation, /^\/en\/login$/);

  const organizerContext = await browser.newContext();
  const organizer = await organizerContext.newPage();
  await organizer.goto(loginLink);
  await openLinkAndConfirm(organizer, await mailedSignInLink(organizer, organizerEmail));
  await expect(organizer.getByText(`Signed in as ${organizerEmail}`)).toBeVisible();
  await expect(organizer.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Organizers' })).toHaveCount(0);
  await organizer.goto('/en/console/organizers');
  await expect(organizer).toHaveURL(/\/en\/console$/);

  await organizer.getByRole('button', { name: 'Sign out' }).click();
  await expect(organizer).toHaveURL(/\/en\/login$/);
  await organizer.goto('/en/console');
  await expect(organizer).toHaveURL(/\/en\/login$/);
  await organizerContext.close();

  // The audit log in words: who did what to whom, filterable with a plain GET form.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  const log = page.getByRole('table');
  const invited = log.getByRole('row').filter({ hasText: 'invited an organizer' }).filter({ hasText: organizerEmail });
  await expect(invited).toContainText(DEMO_ADMIN);
  await expect(log.getByRole('row').filter({ hasText: 'signed out' }).filter({ hasText: organizerEmail })).toBeVisible();
  await expect(log).not.toContainText('organizer.invite');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByLabel('Action').selectOption({ label: 'signed out' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/en\/console\/audit\?actor=&action=auth\.logout$/);
  await expect(log.getByRole('row').filter({ hasText: organizerEmail })).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'invited an organizer' })).toHaveCount(0);
});

test('an unknown address gets the same answer and no mail', async ({ page }) => {
  const stranger = `stranger-${unique()}@example.org`;
  const known = `known-${unique()}@example.org`;
  await createOrganizer(known);
  const since = await mailMark();
  await requestLink(page, stranger);
  const strangerAnswer = await page.getByRole('main').innerText();

  await requestLink(page, known);
  expect(await page.getByRole('main').innerText()).toBe(strangerAnswer);
  await readLatestMail(known, since);

  expect(await expectNoMail(stranger, since)).toBe(true);
  const leftovers = await withDatabase((client) => client.query('SELECT 1 FROM "VerificationToken" WHERE identifier = $1', [stranger]));
  expect(leftovers.rowCount).toBe(0);
});

test('a link opened first by a mail scanner still signs the person in, once', async ({ page, playwright, browser }) => {
  const email = `scanned-${unique()}@example.org`;
  await createOrganizer(email);
  const link = await mailedSignInLink(page, email);
  expect(link).not.toContain('/api/auth/callback');

  const scanner = await playwright.request.newContext();
  const scanned = await scanner.get(link);
  expect(scanned.status()).toBe(200);
  await scanner.dispose();

  await openLinkAndConfirm(page, link);

  // The same link a second time, from a browser without the session (clearing cookies here would race
  // the console's session keep-alive, which sets the cookie again): the token was used, so it is refused.
  const otherBrowser = await browser.newContext();
  const other = await otherBrowser.newPage();
  await other.goto(link);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other).toHaveURL(/\/login\?error=/);
  await expect(other.getByText('That sign-in link has expired or was already used.')).toBeVisible();
  await otherBrowser.close();
});

test('anonymous visitors are sent to sign in and cannot run organizer actions', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const consoleResponse = await anonymous.get('/kk/console', { maxRedirects: 0 });
  expect([303, 307, 308]).toContain(consoleResponse.status());
  expect(consoleResponse.headers().location).toMatch(/\/kk\/login$/);
  await page.goto('/kk/console');
  await expect(page).toHaveURL(/\/kk\/login$/);

  expect(await (await anonymous.get('/api/auth/session')).json()).toEqual({});
  const crossSite = await anonymous.post('/api/auth-confirm', {
    headers: { 'Sec-Fetch-Site': 'cross-site' },
    form: { token: 'a'.repeat(64), email: DEMO_ADMIN },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);

  // Capture a real invite action request from an admin's page, then replay it without a session.
  const admin = `admin-${unique()}@example.org`;
  await createOrganizer(admin, 'ADMIN');
  await signInAs(page.context(), baseURL!, admin);
  await page.goto('/en/console/organizers');
  const actionRequest = page.waitForRequest((request) => request.method() === 'POST' && !!request.headers()['next-action']);
  await page.getByLabel('Email address').fill(`legit-${unique()}@example.org`);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const captured = await actionRequest;
  await expect(page.getByRole('status').filter({ hasText: 'Invitation sent' })).toBeVisible();

  const intruderEmail = `intruder-${unique()}@example.org`;
  const body = captured.postData()!.replace(/legit-[^"\r\n]+@example\.org/, intruderEmail);
  const headers = Object.fromEntries(Object.entries(captured.headers()).filter(([name]) => name !== 'cookie'));
  const replay = await anonymous.post(captured.url(), { headers, data: body, maxRedirects: 0 });
  expect(replay.status()).not.toBe(500);
  const invited = await withDatabase((client) => client.query('SELECT 1 FROM "User" WHERE email = $1', [intruderEmail]));
  expect(invited.rowCount).toBe(0);
  await anonymous.dispose();
});

test('an organizer action replayed without a session is answered 401, quietly, and does nothing', async ({ page, playwright, baseURL }) => {
  await signInAs(page.context(), baseURL!, DEMO_ADMIN);
  await page.goto('/en/console/mailbox');
  const actionRequest = page.waitForRequest((request) => request.method() === 'POST' && !!request.headers()['next-action']);
  await page.getByRole('button', { name: 'Send test message' }).click();
  const captured = await actionRequest;

  const anonymous = await playwright.request.newContext({ baseURL });
  const stranger = `replayed-${unique()}@example.org`;
  const body = captured.postData()!.replace(DEMO_ADMIN, stranger);
  const headers = Object.fromEntries(Object.entries(captured.headers()).filter(([name]) => name !== 'cookie'));
  const since = await mailMark();
  const replay = await anonymous.post(captured.url(), { headers, data: body, maxRedirects: 0 });
  expect(replay.status()).toBe(401);
  expect((await anonymous.get('/api/console/campaigns/none/progress')).status()).toBe(401);
  await anonymous.dispose();
  await page.waitForTimeout(2_000);
  expect(await countOutboundMail(stranger, since)).toBe(0);
});

test('an organizer sees mail health from the console menu, in words, with no axe violations; a stranger is sent to sign in', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page.context(), baseURL!, DEMO_ADMIN);
  await page.goto('/en/console');
  await page.getByRole('link', { name: 'Mail health' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail health' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // Discreet mail: on, the deployment's default; saving it on again changes no mail.
  await expect(page.getByText('This is the deployment’s default (DAUYS_DISCREET_MAIL)')).toBeVisible();
  const discreet = page.getByRole('checkbox', { name: 'Make every mail discreet (recommended)' });
  await expect(discreet).toBeChecked();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Set here by an admin on .+; it wins over the deployment’s default\./)).toBeVisible();
  await expect(discreet).toBeChecked();
  await page.goto('/ru/console/mail-health');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Mail health');

  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get('/en/console/mail-health', { maxRedirects: 0 });
  expect([303, 307, 308]).toContain(response.status());
  await anonymous.dispose();
});
