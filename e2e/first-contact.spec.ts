import { rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { exitOf, ROOT, startDauys, waitUntilHealthy } from './helpers/launcher';

/*
 * A new user with nothing but the terminal, following the README: `npm start`, then the sign-in
 * link it prints for the demo admin. Uses the production build the web server of this run made.
 */
const LAUNCHER = { port: 3320, postgresPort: 54359, smtpPort: 2555, dataDir: '.data/e2e-first-contact' };

test.describe.configure({ timeout: 240_000 });

test('the link npm start prints signs the demo admin in once, and the Mailbox then shows caught mail', async ({ page, browser }) => {
  await rm(path.join(ROOT, LAUNCHER.dataDir), { recursive: true, force: true });
  const dauys = startDauys(LAUNCHER, 'pipe');
  let terminal = '';
  dauys.stdout!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  dauys.stderr!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  try {
    await waitUntilHealthy(LAUNCHER.port);
    await expect.poll(() => /open this link within \d+ minutes/.test(terminal), { timeout: 30_000 }).toBe(true);
    const link = /^\[dauys\]\s+(http:\/\/localhost:3320\/en\/login\/confirm\?\S+)$/m.exec(terminal)?.[1];
    expect(link, terminal).toBeDefined();

    await page.goto(link!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/en\/console/);
    await page.goto(`http://localhost:${LAUNCHER.port}/en/console/mailbox`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/en\/console\/mailbox/);

    // The printed link works once: a second use (someone else who saw the terminal) is refused.
    // A browser of their own: clearing this page's cookies races the console's in-flight session
    // requests, whose answers set the cookie again.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(link!);
    await strangerPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(strangerPage).toHaveURL(/\/en\/login\?error=Verification/);
    await strangerPage.goto(`http://localhost:${LAUNCHER.port}/en/console/mailbox`);
    await expect(strangerPage).toHaveURL(/\/en\/login/);
    await stranger.close();
  } finally {
    process.kill(-dauys.pid!, 'SIGTERM');
    await exitOf(dauys);
  }
});
