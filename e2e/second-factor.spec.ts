import { createHash, randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { createOrganizer, signInAs } from './helpers/auth';
import { findLink, mailMark, readLatestMail, withDatabase } from './helpers/mail';

/*
 * Organizer second factor in Chromium: passkeys through the DevTools virtual authenticator, app codes
 * computed here from the setup key the page shows, recovery codes stored as the lib stores them.
 * Each test has its own organizer; the demo leaves factors optional, so a factor is enrolled first.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const newOrganizer = async (what: string) => {
  const email = `e2e-2fa-${what}-${unique()}@example.org`;
  await createOrganizer(email);
  return email;
};

/** A platform authenticator that verifies the user, for this page only. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
}

async function enrolPasskey(page: Page, name: string) {
  await page.goto('/en/login/enrol');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a second factor' })).toBeVisible();
  await page.getByLabel('Name of this passkey').fill(name);
  await page.getByRole('button', { name: 'Create a passkey' }).click();
  // The security page (recovery codes) is told this was the first factor.
  await expect(page).toHaveURL(/\/en\/console\/security\?enrolled=1$/);
}

/** Asks for a sign-in link, opens it and presses the button, as organizer-login.spec.ts does. */
async function signInWithMailedLink(page: Page, email: string) {
  const since = await mailMark();
  await page.goto('/en/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await page.goto(findLink(await readLatestMail(email, since), /\/login\/confirm$/));
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The note for browsers without JavaScript, as the page sends it: Playwright's text matching skips
 * what is inside <noscript>, even in a context without JavaScript.
 */
const passkeyNoScriptNote = (page: Page) => page.locator('noscript').innerHTML();

/** The session's second factor as if it was passed 11 minutes ago: past the step-up window. */
async function makeSecondFactorStale(sessionToken: string) {
  await withDatabase((client) =>
    client.query(`UPDATE "Session" SET "secondFactorAt" = now() - interval '11 minutes' WHERE "sessionToken" = $1`, [sessionToken]),
  );
}

/** The app a person would set up from the enrolment page: the QR code's setup key, as shown under it. */
async function appFromSetupPage(page: Page): Promise<TOTP> {
  await page.getByRole('button', { name: 'Show the QR code' }).click();
  await expect(page.getByRole('img', { name: /QR code that adds your Dauys account to an authenticator app/ })).toBeVisible();
  return new TOTP({ secret: Secret.fromBase32((await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')) });
}

const verifyHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Confirm it’s you' });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an organizer adds a passkey, then an authenticator app once the passkey confirms it is them', async ({ page, context, baseURL }) => {
  const email = await newOrganizer('enrol');
  const sessionToken = await signInAs(context, baseURL!, email);
  const credentials = await addVirtualAuthenticator(context, page);

  await page.goto('/en/login/enrol');
  await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Create a passkey' }).click();
  await expect(page.getByText('Please fill in this field.')).toBeVisible();

  await enrolPasskey(page, 'Work laptop');
  expect(await credentials()).toHaveLength(1);
  const stored = await withDatabase((client) =>
    client.query<{ name: string }>('SELECT p.name FROM "Passkey" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1', [email]),
  );
  expect(stored.rows).toEqual([{ name: 'Work laptop' }]);

  // A factor next to another is a change to the account's security: the passkey is asked for first.
  await makeSecondFactorStale(sessionToken);
  await page.goto('/en/login/enrol');
  await expect(page).toHaveURL(/\/en\/login\/verify\?next=%2Fen%2Flogin%2Fenrol$/);
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page).toHaveURL(/\/en\/login\/enrol$/);
  const app = await appFromSetupPage(page);
  await expectNoAxeViolations(page);
  await page.getByLabel('Code from the app').fill(app.generate());
  await page.getByRole('button', { name: 'Turn on the app' }).click();
  await expect(page).toHaveURL(/\/en\/console\/security$/);
});

test('after the mailed link, an organizer with a passkey reaches the console only with it', async ({ page, context, baseURL }) => {
  const email = await newOrganizer('login');
  await signInAs(context, baseURL!, email);
  await addVirtualAuthenticator(context, page);
  await enrolPasskey(page, 'Phone');

  // A console action of the complete session, to replay from the half-signed-in one below.
  await page.goto('/en/console/mailbox');
  const testSentAt = await mailMark();
  const actionRequest = page.waitForRequest((request: Request) => request.method() === 'POST' && !!request.headers()['next-action']);
  await page.getByRole('button', { name: 'Send test message' }).click();
  const captured = await actionRequest;
  // Caught before the sign-in link is asked for, so the link's mail is the newest.
  await readLatestMail(email, testSentAt);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/login$/);

  await signInWithMailedLink(page, email);
  await expect(page).toHaveURL(/\/en\/login\/verify$/);
  await expect(verifyHeading(page)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/en/console/petitions');
  await expect(page).toHaveURL(/\/en\/login\/verify$/);
  const headers = Object.fromEntries(Object.entries(captured.headers()).filter(([name]) => name !== 'cookie'));
  const replay = await page.request.post(captured.url(), { headers, data: captured.postData() ?? '', maxRedirects: 0 });
  expect(replay.status()).toBe(401);

  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page).toHaveURL(/\/en\/console$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('an export with a second factor older than 10 minutes asks for it again, then downloads', async ({ page, context, baseURL }) => {
  const email = await newOrganizer('export');
  const sessionToken = await signInAs(context, baseURL!, email);
  await addVirtualAuthenticator(context, page);
  await enrolPasskey(page, 'Laptop');
  await makeSecondFactorStale(sessionToken);

  await page.goto('/en/console/petitions');
  await page.getByRole('link', { name: 'Liability for sexual harassment' }).click();
  await page.getByRole('link', { name: 'Download confirmed signatures (CSV)' }).click();
  await expect(page).toHaveURL(/\/en\/login\/verify\?next=%2Fapi%2Fpetitions%2Fsexual-harassment-liability%2Fexport/);
  await expect(verifyHeading(page)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  expect((await download).suggestedFilename()).toMatch(/^signatures-sexual-harassment-liability-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('a recovery code works once, without JavaScript; the same code is refused the next time', async ({ browser, baseURL }) => {
  const email = await newOrganizer('recovery');
  const codes = ['k7pq-2mzx-a4vb', 'h3ny-t6we-q5rd'];
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email]);
    const userId = rows[0]!.id;
    // A passkey is what puts the session behind the check; the codes are stored as the lib stores them.
    await client.query(
      `INSERT INTO "Passkey" (id, "userId", "credentialId", "publicKey", transports, name) VALUES ($1, $2, $3, '\\x00', '{}', 'Lost phone')`,
      [randomUUID(), userId, `lost-${unique()}`],
    );
    for (const code of codes) {
      const hash = createHash('sha256').update(code.replaceAll('-', '').toLowerCase()).digest('hex');
      await client.query('INSERT INTO "RecoveryCode" (id, "userId", "codeHash") VALUES ($1, $2, $3)', [randomUUID(), userId, hash]);
    }
  });

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(context, baseURL!, email, { secondFactorMinutesAgo: null });
  await page.goto('/en/console');
  await expect(page).toHaveURL(/\/en\/login\/verify$/);
  expect(await passkeyNoScriptNote(page)).toContain('Passkeys need JavaScript, which is off in this browser.');
  await page.getByLabel('Recovery code', { exact: true }).fill(codes[0]!.toUpperCase());
  await page.getByRole('button', { name: 'Use this recovery code' }).click();
  await expect(page).toHaveURL(/\/en\/console$/);

  await context.clearCookies();
  await signInAs(context, baseURL!, email, { secondFactorMinutesAgo: null });
  await page.goto('/en/login/verify');
  await page.getByLabel('Recovery code', { exact: true }).fill(codes[0]!);
  await page.getByRole('button', { name: 'Use this recovery code' }).click();
  await expect(page.getByText('That recovery code is not right, or was already used.')).toBeVisible();
  await expect(page).toHaveURL(/\/en\/login\/verify$/);
  await expect(page.getByLabel('Recovery code', { exact: true })).toHaveValue(codes[0]!);

  await page.getByLabel('Recovery code', { exact: true }).fill(codes[1]!);
  await page.getByRole('button', { name: 'Use this recovery code' }).click();
  await expect(page).toHaveURL(/\/en\/console$/);
  await context.close();
});

test('an authenticator app is set up from the QR page without JavaScript, then signs in with its code, once', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await newOrganizer('app');
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const setup = await plain.newPage();
  await signInAs(plain, baseURL!, email);
  await setup.goto('/en/login/enrol');
  expect(await passkeyNoScriptNote(setup)).toContain('Passkeys need JavaScript, which is off in this browser.');
  await expect(setup.getByRole('button', { name: 'Create a passkey' })).toBeDisabled();
  const totp = await appFromSetupPage(setup);

  await setup.getByLabel('Code from the app').fill('12345');
  await setup.getByRole('button', { name: 'Turn on the app' }).click();
  await expect(setup.getByText('Please type the 6 digits your app shows.')).toBeVisible();
  const enrolledAt = Date.now();
  await setup.getByLabel('Code from the app').fill(totp.generate({ timestamp: enrolledAt }));
  await setup.getByRole('button', { name: 'Turn on the app' }).click();
  await expect(setup).toHaveURL(/\/en\/console\/security\?enrolled=1$/);
  await plain.close();

  // The code of the enrolment's time step is used up: the next step's code (accepted a step early) signs in.
  const nextCode = totp.generate({ timestamp: enrolledAt + 30_000 });
  await signInWithMailedLink(page, email);
  await expect(page).toHaveURL(/\/en\/login\/verify$/);
  await expectNoAxeViolations(page);
  await page.getByLabel('Code from the app').fill(nextCode);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/\/en\/console$/);

  const again = await browser.newContext();
  const second = await again.newPage();
  await signInAs(again, baseURL!, email, { secondFactorMinutesAgo: null });
  await second.goto('/en/login/verify');
  await second.getByLabel('Code from the app').fill(nextCode);
  await second.getByRole('button', { name: 'Confirm' }).click();
  await expect(second.getByText('That code is not right, or was already used.')).toBeVisible();
  await expect(second).toHaveURL(/\/en\/login\/verify$/);
  await again.close();
});
