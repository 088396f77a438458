import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { NGINX_BINARIES, startNginx, type RunningNginx } from '../scripts/lib/nginx';
import { signInAs } from './helpers/auth';
import { findLink, keyringOf, mailMark, readLatestMail, withDatabase } from './helpers/mail';

/*
 * The documented single-server deployment (docs/operations.md): nginx with docs/nginx.conf in front
 * of the server the other specs use. A surge of views is absorbed only if the cache keeps the public
 * petition pages; it must never keep what is signed in or what a person typed, and a kept page must
 * still run under its Content-Security-Policy.
 */
const ROOT = path.resolve(__dirname, '..');
const APP_PORT = Number(process.env.E2E_PORT ?? 3300);
const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? 3301);
const SLUG = 'sexual-harassment-liability';
const PAGE = `/en/petitions/${SLUG}`;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const cacheStatus = (response: APIResponse) => response.headers()['x-cache-status'];

test.skip(
  !NGINX_BINARIES.some((binary) => existsSync(binary)) && !process.env.CI,
  'nginx is not installed (apt-get install nginx); .ci/run installs it',
);

let nginx: RunningNginx;
test.beforeAll(async () => {
  const started = await startNginx(ROOT, path.join(ROOT, '.data/e2e-nginx'), NGINX_PORT, APP_PORT);
  if (!started) throw new Error('nginx is not installed');
  nginx = started;
});
test.afterAll(async () => {
  await nginx?.stop();
});

test('the cache keeps a petition page, and the kept copy carries the nonce its scripts were rendered with', async ({ request }) => {
  const url = `${nginx.url}${PAGE}?visit=${unique()}`;
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(cacheStatus(first)).toBe('MISS');
  const second = await request.get(url);
  expect(cacheStatus(second)).toBe('HIT');

  const policy = second.headers()['content-security-policy'] ?? '';
  expect(policy).toBe(first.headers()['content-security-policy']);
  expect(/script-src [^;]*/.exec(policy)?.[0]).not.toContain('unsafe-inline');
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  const nonces = [...(await second.text()).matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
});

test('through the cache the page runs: the form checks input, and the count rises without a reload', async ({ page, browser }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${nginx.url}${PAGE}`);
  const kept = await page.goto(`${nginx.url}${PAGE}`);
  expect(kept?.headers()['x-cache-status']).toMatch(/HIT|STALE|UPDATING/);

  // The form's own JavaScript answers: errors beside the fields, nothing sent.
  let posted = false;
  page.on('request', (sent) => {
    if (sent.method() === 'POST') posted = true;
  });
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page.locator('#email-error')).toBeVisible();
  expect(posted).toBe(false);
  const before = Number(await page.getByTestId('signature-count').getAttribute('data-count'));

  // Someone signs through the cache, claiming another address in X-Forwarded-For, and confirms.
  const email = `e2e-nginx-${unique()}@example.org`;
  const since = await mailMark();
  const signed = await page.request.post(`${nginx.url}/api/petitions/${SLUG}/signatures`, {
    headers: { 'x-forwarded-for': '203.0.113.9' },
    data: { fullName: 'Madina Abenova', email, region: 'KARAGANDA', consent: true, locale: 'en' },
  });
  expect(signed.status()).toBe(200);
  // The per-address limits count the address nginx saw (TRUSTED_PROXY_HOPS=1), not the claim.
  const prefix = await withDatabase(async (client) =>
    (await keyringOf(client)).openOptional(
      'network',
      (
        await client.query<{ ipPrefixSealed: string | null }>('SELECT "ipPrefixSealed" FROM "Signature" WHERE "emailIndex" = $1', [
          (await keyringOf(client)).emailIndex(email),
        ])
      ).rows[0]?.ipPrefixSealed,
    ),
  );
  expect(prefix).toBe('127.0.0.0/24');

  const confirmUrl = new URL(findLink(await readLatestMail(email, since, 20_000), /\/confirm$/));
  const other = await browser.newPage();
  await other.goto(`${nginx.url}${confirmUrl.pathname}${confirmUrl.search}`);
  await other.getByRole('button', { name: 'Confirm my signature' }).click();
  await expect(other.getByRole('status')).toBeVisible();
  await other.close();

  // No reload: the page re-reads the cached JSON; the cache serves it at most a few seconds old.
  await expect(page.getByTestId('signature-count')).toHaveAttribute('data-count', String(before + 1), { timeout: 20_000 });
  expect(violations).toEqual([]);
});

test('the cache keeps nothing signed in and nothing a person typed', async ({ browser, request }) => {
  const organizer = await browser.newContext();
  await signInAs(organizer, nginx.url, 'admin@dauys.localhost');
  for (const url of ['/en/console/petitions', `/api/petitions/${SLUG}/export`, `${PAGE}`]) {
    const responses = [await organizer.request.get(`${nginx.url}${url}`), await organizer.request.get(`${nginx.url}${url}`)];
    expect(responses.map((response) => response.status())).toEqual([200, 200]);
    // The organizer's copy of a public page may come from the cache; nothing of theirs goes into it.
    if (url !== PAGE) expect(responses.map(cacheStatus)).not.toContain('HIT');
  }
  const exported = await organizer.request.get(`${nginx.url}/api/petitions/${SLUG}/export`);
  expect(exported.headers()['content-type']).toContain('text/csv');
  await organizer.close();

  // A stranger asking for the same addresses is sent to sign in; the export refuses them.
  const consolePage = await request.get(`${nginx.url}/en/console/petitions`, { maxRedirects: 0 });
  expect(consolePage.status()).toBe(307);
  expect(consolePage.headers()['location']).toMatch(/\/en\/login$/);
  expect((await request.get(`${nginx.url}/api/petitions/${SLUG}/export`)).status()).toBe(401);

  // Without JavaScript, a form with errors comes back with what was typed, to that person only.
  const typed = `typed-${unique()}@not-an-address`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${nginx.url}${PAGE}`);
  await page.getByLabel('Email', { exact: true }).fill(typed);
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/petitions/${SLUG}/sign$`));
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(typed);
  await context.close();
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const stranger = await request.get(`${nginx.url}/en/petitions/${SLUG}/sign`);
    expect(cacheStatus(stranger)).not.toBe('HIT');
    expect(await stranger.text()).not.toContain(typed);
  }
});

test('nginx lets an import file through to both pages that upload one, and nowhere else', async ({ request }) => {
  // 2 MB: over the 1 MB every other page takes, well under the 24 MB an import takes.
  const body = 'x'.repeat(2 * 1024 * 1024);
  const post = (path: string) =>
    request.post(`${nginx.url}${path}`, { data: body, headers: { 'content-type': 'text/plain' }, maxRedirects: 0 });
  for (const path of ['/kk/console/supporters/import', '/ru/console/petitions/some-petition-id']) {
    expect((await post(path)).status(), path).not.toBe(413);
  }
  expect((await post('/en/events')).status()).toBe(413);
});
