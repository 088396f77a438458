import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { QUICK_EXIT_URL } from '../app/_components/quick-exit-url';
import { signInAs } from './helpers/auth';
import { watchPageScripts } from './helpers/page-scripts';

/*
 * The public shell: languages, the Content-Security-Policy, Quick exit and accessibility.
 * The neutral Quick exit site is stubbed (the machine is offline, and tests must not leave it).
 */

const HOME_HEADINGS = {
  kk: 'Зорлық-зомбылықсыз өмір үшін бірге',
  ru: 'Вместе за жизнь без насилия',
  en: 'Together for a life free from violence',
} as const;
const HELP_HEADINGS = { kk: 'Көмек алу', ru: 'Получить помощь', en: 'Get help' } as const;
const QUICK_EXIT_LABELS = { kk: 'Жылдам шығу', ru: 'Быстрый выход', en: 'Quick exit' } as const;
const LOCALES = ['kk', 'ru', 'en'] as const;

// A page visited before Dauys, so Back has somewhere to go that is not Dauys.
const PREVIOUS_SITE = 'https://previous.example/';

async function stubOutsideSites(page: Page) {
  await page.route(QUICK_EXIT_URL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
  await page.route(PREVIOUS_SITE, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1>' }),
  );
}

async function openArmed(page: Page, path: string) {
  await page.goto(PREVIOUS_SITE);
  await page.goto(path);
  // Hydrated: the shortcut listens and the button replaces the history entry.
  await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
}

async function expectLeftWithoutTrace(page: Page) {
  await expect(page).toHaveURL(QUICK_EXIT_URL);
  await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
  await page.goBack();
  // location.replace() swapped the Dauys entry: Back skips it.
  await expect(page).toHaveURL(PREVIOUS_SITE);
}

for (const locale of LOCALES) {
  test(`home page in ${locale}: language, heading, demo notice and hotlines`, async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`/${locale}`);

    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOME_HEADINGS[locale]);
    await expect(page.getByRole('link', { name: QUICK_EXIT_LABELS[locale] })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: '111' })).toHaveAttribute('href', 'tel:111');
    // Scripts run (the page hydrated) under a nonce policy without 'unsafe-inline'.
    await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(violations).toEqual([]);
  });
}

for (const locale of ['kk', 'ru'] as const) {
  test(`the public pages in ${locale} log no error and raise no DevTools issue (hydration, CSP, form fields)`, async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    const devtools = await page.context().newCDPSession(page);
    devtools.on('Audits.issueAdded', ({ issue }) => problems.push(`DevTools issue: ${JSON.stringify(issue)}`));
    await devtools.send('Audits.enable');

    const firstLink = async (listPath: string, pattern: RegExp) => {
      await page.goto(listPath);
      return page
        .locator('main a')
        .filter({ has: page.locator(':scope') })
        .evaluateAll(
          (links, source) => links.map((link) => link.getAttribute('href') ?? '').find((href) => new RegExp(source).test(href)),
          pattern.source,
        );
    };
    const petition = await firstLink(`/${locale}/petitions`, /\/petitions\/[a-z0-9-]+$/);
    const event = await firstLink(`/${locale}/events`, /\/events\/[a-z0-9-]+$/);
    expect(petition && event).toBeTruthy();
    for (const path of [`/${locale}`, petition!, event!, `/${locale}/reforms`, `/${locale}/help`]) {
      await page.goto(path);
      // Hydrated: React has compared its render with the server's text by now.
      await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
    }
    // Audits report issues asynchronously: one more page lets the last page's arrive.
    await page.goto(`/${locale}/petitions`);
    await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
    expect(problems).toEqual([]);
  });
}

test('a petition page sent from the web process’s copy has a nonce of its own, and its scripts run under it', async ({ page, request }) => {
  const path = '/ru/petitions/sexual-harassment-liability';
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // The copy lives a second in each web process: fill it, then open the page (again if the second ran
  // out in between, or the page's connection reached the other process).
  let kept = await request.get(path);
  let response = await page.goto(path);
  for (let attempt = 0; attempt < 4 && response?.headers()['x-page-cache'] !== 'hit'; attempt += 1) {
    kept = await request.get(path);
    response = await page.goto(path);
  }
  expect(response?.headers()['x-page-cache']).toBe('hit');

  const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
  const keptNonce = nonceOf(kept.headers()['content-security-policy']);
  const nonce = nonceOf(response?.headers()['content-security-policy']);
  expect(nonce).toBeTruthy();
  expect(nonce).not.toBe(keptNonce);
  const html = (await response?.text()) ?? '';
  expect(html).not.toContain(keptNonce!);
  expect(new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((match) => match[1]))).toEqual(new Set([nonce]));
  // Hydrated under the copy's policy: Quick exit's script armed it.
  await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
  expect(violations).toEqual([]);
});

test('a petition page goes out compressed to a browser that accepts gzip, rendered or from the copy', async ({ request }) => {
  const path = '/kk/petitions/sexual-harassment-liability';
  const seen = new Map<string, string | undefined>();
  // The first view in a second renders (miss), the next comes from the copy (hit); with two web
  // processes either may answer, so ask until both kinds have been seen.
  for (let attempt = 0; attempt < 12 && seen.size < 2; attempt += 1) {
    if (attempt % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1_100)); // every copy has expired
    const response = await request.get(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('</html>');
    seen.set(response.headers()['x-page-cache'] ?? 'none', response.headers()['content-encoding']);
  }
  expect(Object.fromEntries(seen)).toEqual({ miss: 'gzip', hit: 'gzip' });
});

test('the page’s scripts go out as the build’s Brotli copies, gzip where Brotli is not accepted', async ({ request }) => {
  const page = await request.get('/ru/petitions/sexual-harassment-liability');
  const scripts = [...(await page.text()).matchAll(/<script[^>]* src="(\/_next\/static\/[^"]+\.js)"/g)].flatMap((match) => match[1] ?? []);
  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) {
    const plain = await request.get(script, { headers: { 'Accept-Encoding': 'identity' } });
    if ((await plain.body()).length < 1_024) continue; // too small to gain from compression
    const brotli = await request.get(script, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    const gzip = await request.get(script, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect([brotli.headers()['content-encoding'], gzip.headers()['content-encoding']], script).toEqual(['br', 'gzip']);
    expect(brotli.headers()['cache-control'], script).toBe('public, max-age=31536000, immutable');
    // Playwright decodes both: the same script either way.
    expect((await brotli.body()).equals(await plain.body()), script).toBe(true);
    expect((await gzip.body()).equals(await plain.body()), script).toBe(true);
  }
});

test('/ redirects to the language of the browser', async ({ request }) => {
  for (const [acceptLanguage, locale] of [
    ['ru-RU,ru;q=0.9,en;q=0.5', 'ru'],
    ['en-GB,en;q=0.8', 'en'],
    ['kk-KZ,kk;q=0.9,ru;q=0.8', 'kk'],
    ['de-DE', 'kk'],
  ] as const) {
    const response = await request.get('/', { headers: { 'Accept-Language': acceptLanguage }, maxRedirects: 0 });
    expect(response.status(), acceptLanguage).toBe(307);
    expect(new URL(response.headers()['location'] ?? '', 'http://x').pathname, acceptLanguage).toBe(`/${locale}`);
  }
});

test('public pages set no cookie and carry only the messages their own scripts use', async ({ request }) => {
  for (const path of ['/en', '/ru/help', '/kk/petitions']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    // A Set-Cookie would make the page uncacheable by a CDN and leave a trace on a shared phone.
    expect(response.headers()['set-cookie'], path).toBeUndefined();
  }
  const html = await (await request.get('/en/help')).text();
  expect(html).toContain('Quick exit');
  // Console strings used to travel in every public page's script payload.
  expect(html).not.toContain('Send invitation');
  expect(html).not.toContain('Internal name (recipients do not see it)');
});

test('pages link the site icons, and they are served, /favicon.ico too (browsers ask for it unasked)', async ({ request }) => {
  const html = await (await request.get('/en')).text();
  const hrefs = [...html.matchAll(/<link[^>]* rel="icon"[^>]* href="([^"]+)"/g)].map((match) => match[1]!);
  expect(hrefs.some((href) => href.startsWith('/icon.svg'))).toBe(true);
  for (const href of [...hrefs, '/favicon.ico']) {
    const icon = await request.get(href);
    expect(icon.status(), href).toBe(200);
    expect(icon.headers()['content-type'], href).toMatch(
      href.includes('.svg') ? /^image\/svg\+xml/ : /^image\/(x-icon|vnd\.microsoft\.icon)/,
    );
  }
});

test('title, description and preview tags are in <head> for any client, not only for the crawlers Next.js knows', async ({ request }) => {
  // A phone browser and a messenger's preview bot Next.js does not list: both get the metadata before </head>.
  const agents = [
    'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
    'OdklBot/1.0',
  ];
  const calendar = await (await request.get('/kk/events')).text();
  const event = /href="(\/kk\/events\/(?!submit)[a-z0-9-]+)"/.exec(calendar)?.[1];
  expect(event).toBeTruthy();
  for (const path of ['/kk/petitions/sexual-harassment-liability', event!, '/ru/reforms/criminalise-stalking']) {
    for (const agent of agents) {
      const html = await (await request.get(path, { headers: { 'user-agent': agent } })).text();
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, `${path} for ${agent}`).toMatch(/<meta name="description" content="[^"]+"/);
      expect(head, `${path} for ${agent}`).toMatch(/<title>[^<]+<\/title>/);
    }
  }
});

test('every page and route answers with its request id, and keeps a plain one a proxy in front gave it', async ({ request }) => {
  for (const path of ['/en', '/api/health', '/api/petitions/no-such-petition']) {
    const fresh = await request.get(path);
    expect(fresh.headers()['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request.get(path, { headers: { 'x-request-id': 'nginx.4f2a-9' } });
    expect(kept.headers()['x-request-id'], path).toBe('nginx.4f2a-9');
    const replaced = await request.get(path, { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(replaced.headers()['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test('embeds stay outside the locale prefix and may be framed', async ({ request }) => {
  const response = await request.get('/embed/petitions/any', { maxRedirects: 0 });
  expect([301, 302, 307, 308]).not.toContain(response.status());
  expect(response.headers()['content-security-policy']).toContain('frame-ancestors *');
});

test('the language switcher keeps the page', async ({ page }) => {
  await page.goto('/kk/help');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HELP_HEADINGS.kk);

  await page.getByRole('navigation', { name: 'Тілді таңдау' }).getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/help$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HELP_HEADINGS.ru);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  await page.getByRole('navigation', { name: 'Выбор языка' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/help$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HELP_HEADINGS.en);
});

/** In next/link's script (kept through minification), and in next-intl's translator for the browser. */
const ROUTER_LINK = 'useLinkStatus';
const BROWSER_TRANSLATOR = 'MISSING_MESSAGE';

test('public pages load no router links or translator: a link loads its page as a document, and after a form moves on the header names the new page', async ({
  page,
}) => {
  const { loads, count, reset } = watchPageScripts(page);
  for (const path of ['/kk', `/ru/petitions/sexual-harassment-liability`, '/kk/events', '/en/reforms/alerts']) {
    reset();
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(count(), path).toBeGreaterThan(0);
    expect(await loads(ROUTER_LINK), path).toBe(false);
    expect(await loads(BROWSER_TRANSLATOR), path).toBe(false);
  }

  // A server action that redirects moves on without loading a document; the header follows.
  await page.getByLabel('Email', { exact: true }).fill(`e2e-document-${Date.now()}@example.org`);
  await page.getByLabel(/I agree to receive emails about reforms/).check();
  await page.getByRole('button', { name: 'Get alerts' }).click();
  await expect(page).toHaveURL(/\/en\/reforms\/alerts\/sent$/);
  const languages = page.getByRole('navigation', { name: 'Choose language' });
  await expect(languages.getByRole('link', { name: 'Русский' })).toHaveAttribute('href', '/ru/reforms/alerts/sent');
  const sections = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(sections.getByRole('link', { name: 'Reforms' })).toHaveAttribute('aria-current', 'page');

  await page.evaluate(() => Object.assign(window, { dauysSameDocument: true }));
  await sections.getByRole('link', { name: '16 Days' }).click();
  await expect(page).toHaveURL(/\/en\/events$/);
  await expect(sections.getByRole('link', { name: '16 Days' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => 'dauysSameDocument' in window)).toBe(false);
});

test('the help page lists the hotlines with phone links', async ({ page }) => {
  await page.goto('/ru/help');
  for (const number of ['111', '150', '102', '112']) {
    await expect(page.getByRole('main').getByRole('link', { name: `Позвонить по номеру ${number}` })).toHaveAttribute(
      'href',
      `tel:${number}`,
    );
  }
  await expect(page.getByRole('main')).toContainText('16 октября 2023');
});

test('Quick exit button leaves for a neutral site and Back does not return', async ({ page }) => {
  await stubOutsideSites(page);
  await openArmed(page, '/ru/help');
  await page.getByRole('link', { name: QUICK_EXIT_LABELS.ru }).click();
  await expectLeftWithoutTrace(page);
});

test('Escape twice within a second leaves; Escape pressed once does not', async ({ page }) => {
  await stubOutsideSites(page);
  await openArmed(page, '/en');

  await page.keyboard.press('Escape');
  await page.waitForTimeout(1_200);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOME_HEADINGS.en);

  await page.waitForTimeout(1_200);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expectLeftWithoutTrace(page);
});

test('the "press Esc twice" hint is for keyboards: shown on a desktop, neither shown nor read out on a touch screen', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/en/help');
  await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
  await expect(page.getByText('Or press Esc twice')).toBeVisible();
  await expect(page.getByRole('link', { name: QUICK_EXIT_LABELS.en })).toHaveAccessibleDescription('Or press Esc twice');

  const phone = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const touch = await phone.newPage();
  await touch.goto('/en/help');
  await expect(touch.locator('.quick-exit[data-armed="true"]')).toBeAttached();
  await expect(touch.getByRole('link', { name: QUICK_EXIT_LABELS.en })).toBeVisible();
  await expect(touch.getByText('Or press Esc twice')).toBeHidden();
  await expect(touch.getByRole('link', { name: QUICK_EXIT_LABELS.en })).toHaveAccessibleDescription('');
  await phone.close();
});

test('organizer pages carry the Quick exit too: the button and Escape twice leave, and without JavaScript the link still does', async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAs(page.context(), baseURL!, 'admin@dauys.localhost');
  await stubOutsideSites(page);
  await openArmed(page, '/ru/console/supporters');
  await expect(page.getByRole('banner').getByRole('link', { name: QUICK_EXIT_LABELS.ru })).toBeVisible();
  await page.getByRole('link', { name: QUICK_EXIT_LABELS.ru }).click();
  await expectLeftWithoutTrace(page);

  await openArmed(page, '/en/console/audit');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expectLeftWithoutTrace(page);

  const withoutScripts = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(withoutScripts, baseURL!, 'admin@dauys.localhost');
  const plain = await withoutScripts.newPage();
  await stubOutsideSites(plain);
  await plain.goto('/kk/console');
  await plain.getByRole('link', { name: QUICK_EXIT_LABELS.kk }).click();
  await expect(plain).toHaveURL(QUICK_EXIT_URL);
  await withoutScripts.close();
});

for (const locale of LOCALES) {
  for (const path of ['', '/help']) {
    test(`axe finds no violations on /${locale}${path}`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('a page that does not exist answers 404 in the visitor’s language, with the Quick exit and no axe violations', async ({ page }) => {
  const response = await page.goto('/ru/petitions/no-such-petition-here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
  await expect(page.getByRole('link', { name: QUICK_EXIT_LABELS.ru })).toBeVisible();
  await expect(page.locator('.quick-exit[data-armed="true"]')).toBeAttached();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
