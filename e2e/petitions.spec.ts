import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { findLink, keyringOf, mailMark, readLatestMail, withDatabase } from './helpers/mail';
import { watchPageScripts } from './helpers/page-scripts';

const SLUG = 'sexual-harassment-liability';
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function shownCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('signature-count').getAttribute('data-count'));
}

async function storedSignatures(email: string): Promise<number> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Signature" WHERE "emailIndex" = $1', [
      (await keyringOf(client)).emailIndex(email),
    ]);
    return Number(rows[0]!.n);
  });
}

/** The English sign form's labels, as signAndConfirm finds its fields. */
const ENGLISH_FORM = {
  fullName: 'Full name',
  email: 'Email',
  region: 'Region',
  isPublic: /Show my first name/,
  consent: /I agree to the privacy notice/,
  submit: 'Sign',
  confirm: 'Confirm my signature',
};

async function signAndConfirm(page: Page, locale: 'en' | 'kk' | 'ru', email: string, labels: Record<string, RegExp | string>) {
  await page.goto(`/${locale}/petitions/${SLUG}`);
  const before = await shownCount(page);
  const since = await mailMark();
  await page.getByLabel(labels.fullName!, { exact: true }).fill('Aigerim Karimova');
  await page.getByLabel(labels.email!, { exact: true }).fill(email);
  await page.getByLabel(labels.region!, { exact: true }).selectOption('ASTANA');
  await page.getByLabel(labels.isPublic!).check();
  await page.getByLabel(labels.consent!).check();
  await page.getByRole('button', { name: labels.submit! }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/petitions/${SLUG}/check-email$`));

  const mail = await readLatestMail(email, since, 20_000);
  const confirmUrl = new URL(findLink(mail, /\/confirm$/));
  // A mail scanner opens the link first: nothing changes.
  await page.request.get(confirmUrl.pathname + confirmUrl.search);
  await page.goto(confirmUrl.pathname + confirmUrl.search);
  await page.getByRole('button', { name: labels.confirm! }).click();
  await expect(page.getByRole('status')).toBeVisible();

  await expect
    .poll(
      async () => {
        await page.goto(`/${locale}/petitions/${SLUG}`);
        return shownCount(page);
      },
      { timeout: 15_000 },
    )
    .toBe(before + 1);
  return before;
}

test('sign in English, confirm from the caught mail, the count rises; the page passes axe', async ({ page }) => {
  const email = `e2e-en-${unique()}@example.org`;
  await signAndConfirm(page, 'en', email, ENGLISH_FORM);
  // Recent signers are cached for a few seconds, like the rest of the page text.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByText('Aigerim K., Astana (city)').count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('sign in Kazakh on a phone and confirm', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  // Near the top, a link jumps down to the form: the view follows and focus lands on the form's heading.
  await page.goto(`/kk/petitions/${SLUG}`);
  const jump = page.getByRole('link', { name: 'Қазір қол қою' });
  await expect(jump).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Петицияға қол қою' })).not.toBeInViewport();
  await jump.click();
  await expect(page.getByRole('heading', { name: 'Петицияға қол қою' })).toBeFocused();
  await expect(page.getByLabel('Аты-жөні', { exact: true })).toBeInViewport();
  await signAndConfirm(page, 'kk', `e2e-kk-${unique()}@example.org`, {
    fullName: 'Аты-жөні',
    email: 'Электрондық пошта',
    region: 'Өңір',
    isPublic: /Атымды/,
    consent: /Құпиялылық туралы/,
    submit: 'Қол қою',
    confirm: 'Қолымды растау',
  });
  await context.close();
});

test('the spam trap is out of the accessibility tree, and a bot that fills it is answered as accepted but stores nothing', async ({
  page,
}) => {
  await page.goto(`/en/petitions/${SLUG}`);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Sign' }) });
  expect(await form.ariaSnapshot()).not.toContain('Leave this field empty');
  await expect(page.getByRole('textbox', { name: 'Leave this field empty' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign now' })).toBeHidden(); // wide screen: the form is beside the text

  const email = `e2e-bot-${unique()}@example.org`;
  await page.getByLabel('Full name', { exact: true }).fill('Spam Bot');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Region', { exact: true }).selectOption('ABAI');
  await page.getByLabel(/I agree to the privacy notice/).check();
  await page.locator('#website').fill('http://spam.example');
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/petitions/${SLUG}/check-email$`));
  expect(await storedSignatures(email)).toBe(0);
});

test('bad input shows Russian errors beside the fields and stores nothing', async ({ page }) => {
  const email = `e2e-bad-${unique()}`;
  await page.goto(`/ru/petitions/${SLUG}`);
  await page.getByLabel('Имя и фамилия', { exact: true }).fill('A');
  await page.getByLabel('Электронная почта', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Подписать' }).click();
  await expect(page.locator('#fullName-error')).toHaveText(/Укажите имя|имя/i);
  await expect(page.locator('#email-error')).toHaveText('Проверьте адрес электронной почты.');
  await expect(page.locator('#region-error')).toBeVisible();
  await expect(page.locator('#consent-error')).toHaveText('Чтобы продолжить, отметьте согласие.');
  await expect(page.getByLabel('Электронная почта', { exact: true })).toHaveAttribute('aria-describedby', /email-error/);
  expect(await storedSignatures(email)).toBe(0);
});

/** react-hook-form's script: the name of its context is kept through minification. */
const REACT_HOOK_FORM = 'HookFormContext';

test('zod and react-hook-form come when the form is first used, not with the page; then the browser checks the fields before anything is sent', async ({
  page,
}) => {
  const { loads, count, reset } = watchPageScripts(page);
  // The other public forms too: partner events, reform alerts.
  for (const path of ['/en/events/submit', '/en/reforms/criminalise-stalking', `/en/petitions/${SLUG}`]) {
    reset();
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(count(), path).toBeGreaterThan(0);
    expect(await loads('ZodError'), path).toBe(false);
    expect(await loads(REACT_HOOK_FORM), path).toBe(false);
  }

  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.getByLabel('Email', { exact: true }).fill('not-an-address');
  await expect.poll(() => loads('ZodError')).toBe(true);
  await expect.poll(() => loads(REACT_HOOK_FORM)).toBe(true);
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page.locator('#email-error')).toHaveText('Please check the email address.');
  await expect(page.locator('#consent-error')).toBeVisible();
  expect(posts).toEqual([]);
});

/** A sign with a bad address that only the server checks: the page it sends back shows the error and keeps the name. */
async function signWithBadAddressThroughTheServer(page: Page) {
  await page.goto(`/en/petitions/${SLUG}`);
  await page.getByLabel('Full name', { exact: true }).fill('Dana Sultanova');
  await page.getByLabel('Email', { exact: true }).fill('not-an-address');
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/petitions/${SLUG}/sign$`));
  await expect(page.locator('#email-error')).toHaveText('Please check the email address.');
  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('Dana Sultanova');
}

/** Holds back (or drops) react-hook-form's script, which the sign form loads when first focused. */
async function holdReactHookForm(page: Page, outcome: 'late' | 'never') {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch();
    if (!(await response.text()).includes(REACT_HOOK_FORM)) return route.fulfill({ response });
    if (outcome === 'never') return route.abort('connectionreset');
    await released;
    return route.fulfill({ response });
  });
  return release;
}

test('react-hook-form takes over the fields as they are: what was typed stays, focus stays, a submit before it arrives waits for it', async ({
  page,
}) => {
  const release = await holdReactHookForm(page, 'late');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.goto(`/en/petitions/${SLUG}`);
  const fullName = page.getByLabel('Full name', { exact: true });
  await fullName.fill('Dana Sultanova');
  await page.getByLabel('Email', { exact: true }).fill('not-an-address');
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByRole('button', { name: 'Sending…' })).toBeDisabled();
  expect(posts).toEqual([]);

  release();
  await expect(page.locator('#email-error')).toHaveText('Please check the email address.');
  await expect(page.getByLabel('Email', { exact: true })).toBeFocused();
  await expect(fullName).toHaveValue('Dana Sultanova');
  await expect(page.locator('#fullName-error')).toHaveCount(0);
  // From now on each change checks its field again, as react-hook-form does after a submit.
  await page.getByLabel('Email', { exact: true }).fill(`e2e-late-${unique()}@example.org`);
  await expect(page.locator('#email-error')).toHaveCount(0);
  await expect(page.locator('#consent-error')).toBeVisible();
  expect(posts).toEqual([]);
});

test('should react-hook-form never arrive, the form posts as it does without JavaScript and the server answers', async ({ page }) => {
  await holdReactHookForm(page, 'never');
  await signWithBadAddressThroughTheServer(page);
});

test('without JavaScript the form still signs, and errors come back from the server', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signWithBadAddressThroughTheServer(page);

  const email = `e2e-nojs-${unique()}@example.org`;
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Region', { exact: true }).selectOption('ABAI');
  await page.getByLabel(/I agree to the privacy notice/).check();
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/petitions/${SLUG}/check-email$`));
  expect(await storedSignatures(email)).toBe(1);
  await context.close();
});

test('without JavaScript, in Russian, the mailed links confirm a signature and remove another', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const signNoScript = async (email: string) => {
    const since = await mailMark();
    await page.goto(`/ru/petitions/${SLUG}`);
    await page.getByLabel('Имя и фамилия', { exact: true }).fill('Дана Султанова');
    await page.getByLabel('Электронная почта', { exact: true }).fill(email);
    await page.getByLabel('Регион', { exact: true }).selectOption('ABAI');
    await page.getByLabel(/Я согласен/).check();
    await page.getByRole('button', { name: 'Подписать' }).click();
    await expect(page).toHaveURL(new RegExp(`/ru/petitions/${SLUG}/check-email$`));
    return readLatestMail(email, since, 20_000);
  };
  const statusOf = (email: string) =>
    withDatabase(async (client) =>
      (
        await client.query<{ status: string }>('SELECT status FROM "Signature" WHERE "emailIndex" = $1', [
          (await keyringOf(client)).emailIndex(email),
        ])
      ).rows.map((r) => r.status),
    );

  const confirming = `e2e-nojs-confirm-${unique()}@example.org`;
  const confirmUrl = new URL(findLink(await signNoScript(confirming), /\/confirm$/));
  await page.goto(confirmUrl.pathname + confirmUrl.search);
  await page.getByRole('button', { name: 'Подтвердить подпись' }).click();
  await expect(page.getByRole('status')).toHaveText('Спасибо! Ваша подпись подтверждена и засчитана.');
  expect(await statusOf(confirming)).toEqual(['CONFIRMED']);

  const withdrawing = `e2e-nojs-withdraw-${unique()}@example.org`;
  const withdrawUrl = new URL(findLink(await signNoScript(withdrawing), /\/withdraw$/));
  await page.goto(withdrawUrl.pathname + withdrawUrl.search);
  await page.getByRole('button', { name: 'Удалить подпись' }).click();
  await expect(page.getByRole('status')).toHaveText('Подпись и связанные с ней данные удалены.');
  expect(await statusOf(withdrawing)).toEqual([]);
  await context.close();
});

test('the organizer exports the CSV and a confirmed signer is in it; the export is audit-logged', async ({ page, context, baseURL }) => {
  const email = `e2e-export-${unique()}@example.org`;
  await signAndConfirm(page, 'en', email, ENGLISH_FORM);
  await signInAs(context, baseURL!, 'admin@dauys.localhost');
  await page.goto('/en/console/petitions');
  await page.getByRole('link', { name: 'Liability for sexual harassment' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download confirmed signatures (CSV)' }).click();
  const download = await downloadPromise;
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('"Name","Email","Region","City","Confirmed at","Consent version"');
  expect(csv).toContain(`"Aigerim Karimova","${email}","Astana (city)"`);
  const audits = await withDatabase(
    async (client) => (await client.query(`SELECT 1 FROM "AuditLog" WHERE action = 'petition.export'`)).rowCount,
  );
  expect(audits).toBeGreaterThan(0);
});

test('a signer who opted in to updates follows the reform from the confirmation page, in one click', async ({ page }) => {
  const email = `e2e-follow-${unique()}@example.org`;
  const since = await mailMark();
  await page.goto(`/en/petitions/${SLUG}`);
  await page.getByLabel('Full name', { exact: true }).fill('Madina Omarova');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Region', { exact: true }).selectOption('ALMATY');
  await page.getByLabel(/I agree to the privacy notice/).check();
  await page.getByLabel(/Email me about this petition/).check();
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/petitions/${SLUG}/check-email$`));
  const mail = await readLatestMail(email, since, 20_000);
  const confirmUrl = new URL(findLink(mail, /\/confirm$/));
  await page.goto(confirmUrl.pathname + confirmUrl.search);
  await page.getByRole('button', { name: 'Confirm my signature' }).click();
  await page.getByRole('button', { name: /Get alerts about “Liability for sexual harassment”/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'you will get an email each time' })).toBeVisible();
  const followed = await withDatabase(
    async (client) =>
      (
        await client.query(
          `SELECT 1 FROM "ReformSubscription" s JOIN "Supporter" p ON p.id = s."supporterId" JOIN "Reform" r ON r.id = s."reformId"
      WHERE p."emailIndex" = $1 AND r.slug = $2 AND s.status = 'CONFIRMED' AND s.source = 'petition'`,
          [(await keyringOf(client)).emailIndex(email), SLUG],
        )
      ).rowCount,
  );
  expect(followed).toBe(1);
});

test('the social preview is a 1200×630 PNG described in the page’s language, Kazakh included', async ({ request }) => {
  for (const locale of ['kk', 'ru', 'en'] as const) {
    const html = await (await request.get(`/${locale}/petitions/${SLUG}`)).text();
    const meta = (property: string) => new RegExp(`<meta property="${property}" content="([^"]+)"`).exec(html)?.[1];
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1];
    expect(meta('og:image:alt'), locale).toBe(title);
    const image = await request.get(new URL(meta('og:image')!).pathname);
    expect(image.status(), locale).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(image.headers()['cache-control']).toContain('s-maxage=');
    const png = await image.body();
    // IHDR: width and height as big-endian integers at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }
});
