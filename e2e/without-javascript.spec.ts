import { expect, test, type Browser } from '@playwright/test';
import { kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { createOrganizer, signInAs } from './helpers/auth';
import { addSlotCampaign, upcomingSlot } from './helpers/dates';
import { countOutboundMail, expectNoMail, findLink, mailMark, readLatestMail, withDatabase } from './helpers/mail';
import { emailIndexOf } from './helpers/personal-data';

/*
 * Every public form, end to end, with JavaScript switched off: the server actions take the plain
 * HTML POST, validate with the same schemas, and answer with a redirect or the re-rendered form.
 * Petitions (petitions.spec.ts) and the first RSVP answer in Kazakh (events.spec.ts) are covered there.
 * One address per test: the mail budget (lib/mail-budget.ts) is per mailbox.
 */

const run = Date.now().toString(36);
const slot = upcomingSlot();

test.beforeAll(() => addSlotCampaign(slot));

async function rows<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
  return withDatabase(async (client) => (await client.query<T>(sql, params)).rows);
}

/** A browser context with JavaScript switched off, the way events.spec.ts makes one. */
async function withoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

test('without JavaScript, in Russian, reform alerts: subscribe from the reform page, confirm, unsubscribe and change settings from the mailed link', async ({
  browser,
  baseURL,
}) => {
  // A reform of this run (ids are what the form's scope accepts: lower-case letters and digits).
  const reformId = `nojsreform${run}`;
  const slug = `nojs-reform-${run}`;
  const title = { kk: `Сынақ реформасы ${run}`, ru: `Тестовая реформа ${run}`, en: `No-JS reform ${run}` };
  await rows(`INSERT INTO "Reform" (id, slug, title, summary, "updatedAt") VALUES ($1, $2, $3::jsonb, $4::jsonb, now())`, [
    reformId,
    slug,
    JSON.stringify(title),
    JSON.stringify({ kk: 'Сынақ', ru: 'Тест', en: 'Test' }),
  ]);
  const email = `nojs-alerts-${run}@example.org`;
  const subscription = async () =>
    (
      await rows<{ status: string; confirmedAt: Date | null; reformId: string | null; frequency: string; locale: string }>(
        `SELECT s.status, s."confirmedAt", s."reformId", s.frequency, s.locale FROM "ReformSubscription" s
           JOIN "Supporter" p ON p.id = s."supporterId" WHERE p."emailIndex" = $1`,
        [await emailIndexOf(email)],
      )
    )[0];
  const optedOut = async () =>
    (
      await rows<{ topic: string }>(
        `SELECT u.topic FROM "Unsubscribe" u JOIN "Supporter" p ON p.id = u."supporterId" WHERE p."emailIndex" = $1 ORDER BY u.topic`,
        [await emailIndexOf(email)],
      )
    ).map((row) => row.topic);

  const { context, page } = await withoutJavaScript(browser);
  await page.goto(`/ru/reforms/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title.ru })).toBeVisible();
  // The HTML itself carries the form's defaults: this reform, every update, the page's language.
  await expect(page.getByLabel('Какая реформа')).toHaveValue(reformId);
  await expect(page.getByLabel('Каждое обновление, сразу')).toBeChecked();
  await expect(page.getByLabel('Язык писем')).toHaveValue('ru');
  await page.getByLabel('Электронная почта', { exact: true }).fill(email);
  await page.getByLabel('Язык писем').selectOption('ru');
  await page.getByLabel(/Я согласна\(-ен\) получать письма Dauys о реформах/).check();
  const since = await mailMark();
  await page.getByRole('button', { name: 'Получать уведомления' }).click();
  await expect(page).toHaveURL(/\/ru\/reforms\/alerts\/sent$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Проверьте почту' })).toBeVisible();
  expect(await subscription()).toEqual({ status: 'PENDING', confirmedAt: null, reformId, frequency: 'EACH', locale: 'ru' });

  // The mailed link opens a page; its button (a plain POST) confirms.
  const confirmMail = await readLatestMail(email, since, 20_000);
  expect(confirmMail.subject).toBe('Пожалуйста, подтвердите адрес почты'); // discreet mail, the default
  await page.goto(findLink(confirmMail, /^\/ru\/reforms\/alerts\/confirm$/));
  await expect(page.getByRole('heading', { level: 1, name: 'Подтвердите уведомления' })).toBeVisible();
  await expect(page.getByText(`Уведомления о реформе «${title.ru}».`)).toBeVisible();
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Уведомления включены' })).toBeVisible();
  expect(await subscription()).toMatchObject({ status: 'CONFIRMED', confirmedAt: expect.any(Date), reformId });
  const consents = await rows(
    `SELECT c.action FROM "Consent" c JOIN "Supporter" p ON p.id = c."supporterId" WHERE p."emailIndex" = $1 AND c.purpose = 'reform-alerts'`,
    [await emailIndexOf(email)],
  );
  expect(consents).toEqual([{ action: 'reform-subscribe' }]);

  // An organizer records a stage (the console is not a public form: JavaScript on there).
  const organizer = `nojs-organizer-${run}@example.org`;
  await createOrganizer(organizer);
  const organizerContext = await browser.newContext({ baseURL });
  await signInAs(organizerContext, baseURL!, organizer);
  const consolePage = await organizerContext.newPage();
  await consolePage.goto(`/en/console/reforms/${reformId}`);
  await consolePage.getByLabel('Stage', { exact: true }).selectOption('DRAFTED');
  await consolePage.getByLabel('Date', { exact: true }).fill(kazakhstanDateKey(new Date()));
  for (const locale of ['kk', 'ru', 'en']) await consolePage.getByLabel(`Note (${locale})`).fill(`No-JS stage ${run} (${locale})`);
  const beforeAlert = await mailMark();
  await consolePage.getByRole('button', { name: 'Record the stage' }).click();
  await expect(consolePage.getByRole('status').filter({ hasText: 'Stage recorded' })).toBeVisible();
  await organizerContext.close();

  // The alert, in Russian, carries the unsubscribe link; opening it asks, the button unsubscribes.
  const alert = await readLatestMail(email, beforeAlert, 30_000);
  expect(alert.subject).toBe('Новости по вашей подписке');
  expect(alert.text).toContain('Разработан проект: ');
  expect(alert.text).toContain(`No-JS stage ${run} (ru)`);
  const unsubscribeLink = findLink(alert, /^\/ru\/unsubscribe$/);
  const token = new URL(unsubscribeLink).searchParams.get('token')!;
  await page.goto(unsubscribeLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Отписаться от писем Dauys' })).toBeVisible();
  // The page names the reform whose alerts stop, in its own language.
  await expect(page.getByText(`Нажмите кнопку, чтобы больше не получать уведомления о реформе «${title.ru}».`)).toBeVisible();
  await page.getByRole('button', { name: 'Отписаться', exact: true }).click();
  await expect(page.getByRole('status').getByRole('heading', { name: 'Вы отписались' })).toBeVisible();
  await expect(page.getByRole('status').getByText(`Вы больше не будете получать уведомления о реформе «${title.ru}».`)).toBeVisible();
  expect(await optedOut()).toEqual([`reform-${reformId}`]);

  // The page then offers "everything": a second form on the page the server rendered with the first answer.
  await page.getByRole('button', { name: 'Отписаться от всего' }).click();
  await expect(page.getByRole('status').getByText('Вы больше не будете получать рассылки и письма кампаний Dauys.')).toBeVisible();
  expect(await optedOut()).toEqual(['all', `reform-${reformId}`]);

  // "Manage my subscriptions" takes the same token (what campaign mail links to): reforms back on, mail in Kazakh.
  await page.goto(`/ru/subscriptions?token=${encodeURIComponent(token)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Управление подписками' })).toBeVisible();
  for (const topic of ['кампании', 'петиции', 'мероприятия', 'реформы'])
    await expect(page.getByRole('checkbox', { name: `Новости: ${topic}` })).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Новости: реформы' }).check();
  await page.getByLabel('Язык писем').selectOption('kk');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/kk\/subscriptions\?token=.+&saved=1$/);
  await expect(page.getByRole('status')).toHaveText('Таңдауыңыз сақталды.');
  await expect(page.getByRole('checkbox', { name: 'Жаңалықтар: реформалар' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Жаңалықтар: науқандар' })).not.toBeChecked();
  expect(await optedOut()).toEqual(['campaigns', 'events', 'petitions', `reform-${reformId}`]);
  expect(await rows(`SELECT locale FROM "Supporter" WHERE "emailIndex" = $1`, [await emailIndexOf(email)])).toEqual([{ locale: 'kk' }]);
  await context.close();
});

test('without JavaScript, in Kazakh, a bad address in the alerts form comes back with the error beside the field and nothing stored', async ({
  browser,
}) => {
  const bad = `nojs-bad-${run}.example.org`;
  const { context, page } = await withoutJavaScript(browser);
  await page.goto('/kk/reforms/alerts');
  await page.getByLabel('Электрондық пошта', { exact: true }).fill(bad);
  await page.getByLabel('Әр жаңарту, бірден').check();
  await page.getByLabel(/Dauys-тан реформалар туралы хат алуға келісемін/).check();
  await page.getByRole('button', { name: 'Хабарлама алу' }).click();

  // The server rendered the form again with its answer: a summary, the message tied to the field,
  // and everything as the person left it.
  await expect(page).toHaveURL(/\/kk\/reforms\/alerts$/);
  await expect(page.getByRole('alert')).toHaveText('Формада қателер бар: төмендегі өрістерді тексеріңіз.');
  const field = page.getByLabel('Электрондық пошта', { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Электрондық пошта мекенжайын тексеріңіз\./);
  await expect(page.locator('#alerts-email-error')).toHaveText('Электрондық пошта мекенжайын тексеріңіз.');
  await expect(page.getByLabel(/Dauys-тан реформалар туралы хат алуға келісемін/)).toHaveAttribute('aria-invalid', 'false');
  await expect(field).toHaveValue(bad);
  await expect(page.getByLabel('Әр жаңарту, бірден')).toBeChecked();
  await expect(page.getByLabel(/Dauys-тан реформалар туралы хат алуға келісемін/)).toBeChecked();

  expect(await rows(`SELECT id FROM "Supporter" WHERE "emailIndex" = $1`, [await emailIndexOf(bad)])).toEqual([]);
  expect(await countOutboundMail(bad)).toBe(0);

  // Corrected, the same page takes it.
  const email = `nojs-fixed-${run}@example.org`;
  await field.fill(email);
  await page.getByRole('button', { name: 'Хабарлама алу' }).click();
  await expect(page).toHaveURL(/\/kk\/reforms\/alerts\/sent$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Поштаңызды тексеріңіз' })).toBeVisible();
  expect(
    await rows(
      `SELECT s.status, s."reformId" FROM "ReformSubscription" s JOIN "Supporter" p ON p.id = s."supporterId" WHERE p."emailIndex" = $1`,
      [await emailIndexOf(email)],
    ),
  ).toEqual([{ status: 'PENDING', reformId: null }]);
  await context.close();
});

test('without JavaScript, in Kazakh, a partner submits an event and confirms the address: it goes to moderation', async ({ browser }) => {
  const email = `nojs-partner-${run}@example.org`;
  const title = `Сынақ шеруі ${run}`;
  const event = async () =>
    (
      await rows<{
        status: string;
        verified: boolean;
        startsAt: string;
        endsAt: string;
        languages: string[];
        submitterLocale: string;
        campaign: string;
        city: Record<string, string>;
        cityKey: string;
        organiserName: Record<string, string>;
      }>(
        `SELECT e.status, e.city, e."cityKey" AS "cityKey", e."organiserName" AS "organiserName", e."submitterVerifiedAt" IS NOT NULL AS verified, e.languages::text[] AS languages, e."submitterLocale" AS "submitterLocale",
                to_char(e."startsAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD"T"HH24:MI') AS "startsAt",
                to_char(e."endsAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD"T"HH24:MI') AS "endsAt", c.slug AS campaign
           FROM "Event" e JOIN "EventCampaign" c ON c.id = e."campaignId" WHERE e."submitterEmail" = $1`,
        [email],
      )
    )[0];

  const { context, page } = await withoutJavaScript(browser);
  await page.goto('/kk/events/submit');
  await expect(page.getByRole('group', { name: 'Іс-шара тілдері' }).getByLabel('Қазақша')).toBeChecked();
  await expect(page.getByLabel('Бір адам қанша қонақ ерте алады')).toHaveValue('2');
  await page.getByLabel('Сипаттама', { exact: true }).fill('Қызғылт сары шарфтармен қала орталығы арқылы шеру.');
  await page.getByLabel('Түрі', { exact: true }).selectOption('MARCH');
  await page.getByLabel('Басталуы', { exact: true }).fill(slot.start);
  await page.getByLabel('Аяқталуы', { exact: true }).fill(slot.end);
  await page.getByLabel('Өңір', { exact: true }).selectOption('KARAGANDA');
  // Places and the organisation have a field per language; the partner writes in Kazakh only.
  await page.getByRole('group', { name: 'Қала', exact: true }).getByLabel('Қазақша').fill('Қарағанды');
  await page.getByRole('group', { name: 'Өтетін орны', exact: true }).getByLabel('Қазақша').fill('Орталық саябақ');
  await page.getByLabel('Атыңыз', { exact: true }).fill('Сәуле');
  await page.getByLabel('Поштаңыз', { exact: true }).fill(email);
  await page.getByLabel(/іс-шараны тексеру және осы бойынша менімен байланысу үшін/).check();
  // Sent without a title nor an organisation: the page comes back with the errors beside them and every other field kept.
  await page.getByRole('button', { name: 'Іс-шараны жіберу' }).click();
  await expect(page.getByLabel('Атауы', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#submit-organiserName-error')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Қала', exact: true }).getByLabel('Қазақша')).toHaveValue('Қарағанды');
  await expect(page.getByLabel('Поштаңыз', { exact: true })).toHaveValue(email);
  await expect(page.getByLabel('Басталуы', { exact: true })).toHaveValue(slot.start);
  await expect(page.getByLabel('Өңір', { exact: true })).toHaveValue('KARAGANDA');
  await expect(page.getByRole('group', { name: 'Іс-шара тілдері' }).getByLabel('Қазақша')).toBeChecked();
  await expect(page.getByLabel(/іс-шараны тексеру және осы бойынша менімен байланысу үшін/)).toBeChecked();
  expect(await event()).toBeUndefined();
  await page.getByLabel('Атауы', { exact: true }).fill(title);
  await page.getByRole('group', { name: 'Ұйым', exact: true }).getByLabel('Қазақша').fill('Қарағанды үйірмесі');
  const since = await mailMark();
  await page.getByRole('button', { name: 'Іс-шараны жіберу' }).click();
  await expect(page).toHaveURL(/\/kk\/events\/submit\/verify\?result=sent$/);
  await expect(page.getByRole('status')).toHaveText(/^Поштаңызды тексеріңіз: хаттағы сілтемені ашып/);
  expect(await event()).toEqual({
    status: 'DRAFT',
    verified: false,
    startsAt: slot.start,
    endsAt: slot.end,
    languages: ['kk'],
    submitterLocale: 'kk',
    campaign: slot.campaign.slug,
    city: { kk: 'Қарағанды', ru: '', en: '' },
    cityKey: 'қарағанды',
    organiserName: { kk: 'Қарағанды үйірмесі', ru: '', en: '' },
  });

  const verify = await readLatestMail(email, since, 20_000);
  await page.goto(findLink(verify, /^\/kk\/events\/submit\/verify$/));
  await expect(page.getByText(`«${title}» іс-шарасын модераторларға жіберу үшін түймені басыңыз.`)).toBeVisible();
  await page.getByRole('button', { name: 'Поштамды растау' }).click();
  await expect(page.getByRole('status')).toHaveText('Рахмет: іс-шараңыз модераторларда. Шешімін поштамен хабарлаймыз.');
  expect(await event()).toMatchObject({ status: 'PENDING_REVIEW', verified: true });
  await context.close();
});

test('without JavaScript, in Russian, an RSVP is answered, confirmed, changed from the mailed change link and cancelled from the mailed cancel link', async ({
  browser,
}) => {
  const slug = `e2e-nojs-change-${run}`;
  const title = `Тест без JS ${run}`;
  await withDatabase(async (client) => {
    await client.query(
      `INSERT INTO "Event" (id, "campaignId", slug, title, description, type, "startsAt", "endsAt", region, city, "cityKey", venue, languages,
                            capacity, "organiserName", status, "updatedAt")
       SELECT $1, id, $2, $3::jsonb, '{"ru":"Тест"}', 'LECTURE', $4::timestamp AT TIME ZONE 'Asia/Almaty',
              $5::timestamp AT TIME ZONE 'Asia/Almaty', 'ALMATY', '{"ru":"Алматы","en":"Almaty"}', 'almaty', '{"ru":"Библиотека"}', '{ru}', 10,
              '{"ru":"E2E"}', 'PUBLISHED', now()
         FROM "EventCampaign" WHERE slug = $6`,
      [`e2e-nojs-change-${run}`, slug, JSON.stringify({ kk: title, ru: title, en: title }), slot.start, slot.end, slot.campaign.slug],
    );
  });
  const email = `nojs-rsvp-${run}@example.org`;
  const emailIndex = await emailIndexOf(email);
  const state = async () =>
    (
      await rows<{ status: string; guests: number; seatsTaken: number }>(
        `SELECT r.status, r.guests, e."seatsTaken" FROM "Rsvp" r JOIN "Event" e ON e.id = r."eventId" WHERE e.slug = $1 AND r."emailIndex" = $2`,
        [slug, emailIndex],
      )
    )[0];

  const { context, page } = await withoutJavaScript(browser);
  const answer = async (guests: string) => {
    await page.goto(`/ru/events/${slug}`);
    await page.getByLabel('Ваше имя').fill('Айгерим');
    await page.getByLabel('Электронная почта', { exact: true }).fill(email);
    await page.getByLabel('Гости с вами').fill(guests);
    await page.getByLabel(/Я согласен\(на\), что моё имя и почта хранятся для управления моей записью/).check();
    await page.getByRole('button', { name: 'Записаться' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Проверьте почту' })).toBeVisible();
  };

  // First answer, alone, confirmed from the mailed link.
  const since = await mailMark();
  await answer('0');
  expect(await state()).toEqual({ status: 'PENDING_EMAIL', guests: 0, seatsTaken: 0 });
  const check = await readLatestMail(email, since, 20_000);
  expect(check.subject).toBe('Пожалуйста, подтвердите адрес почты'); // discreet mail, the default
  await page.goto(findLink(check, /^\/ru\/events\/rsvp\/confirm$/));
  const confirmedSince = await mailMark();
  await page.getByRole('button', { name: 'Подтвердить место' }).click();
  await expect(page.getByText('Ваше место подтверждено.')).toBeVisible();
  expect(await state()).toEqual({ status: 'CONFIRMED', guests: 0, seatsTaken: 1 });
  // The worker mails the confirmation after the page answers: wait for it, so it is not taken for the next mail.
  expect((await readLatestMail(email, confirmedSince, 20_000)).text).toContain(`Ждём вас на «${title}»`);

  // Answering again with two guests changes nothing yet: the change mail carries the new answer.
  const changeSince = await mailMark();
  await answer('2');
  const changeMail = await readLatestMail(email, changeSince, 20_000);
  expect(changeMail.subject).toBe('Пожалуйста, подтвердите изменение');
  expect(await state()).toEqual({ status: 'CONFIRMED', guests: 0, seatsTaken: 1 });
  await page.goto(findLink(changeMail, /^\/ru\/events\/rsvp\/change$/));
  await expect(page.getByRole('heading', { level: 1, name: 'Изменить запись' })).toBeVisible();
  await expect(page.getByRole('definition')).toHaveText(['Айгерим', '2']);
  const appliedSince = await mailMark();
  await page.getByRole('button', { name: 'Применить ответ' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Готово: ваше место подтверждено с этим ответом\./);
  expect(await state()).toEqual({ status: 'CONFIRMED', guests: 2, seatsTaken: 3 });

  // The confirmation that follows the change has the cancel link; its page asks, the button cancels.
  const confirmed = await readLatestMail(email, appliedSince, 20_000);
  expect(confirmed.text).toContain(`Ждём вас на «${title}»`);
  await page.goto(findLink(confirmed, /^\/ru\/events\/rsvp\/cancel$/));
  await expect(page.getByText(`Нажмите кнопку, чтобы отменить запись на «${title}».`)).toBeVisible();
  await page.getByRole('button', { name: 'Отменить запись' }).click();
  await expect(page.getByRole('status')).toHaveText('Запись отменена. Спасибо, что освободили место.');
  expect(await state()).toEqual({ status: 'CANCELLED', guests: 2, seatsTaken: 0 });
  await context.close();
});

test('without JavaScript, in Russian, an organizer sign-in request lands on the same neutral page for an invited and an unknown address', async ({
  browser,
}) => {
  const invited = `nojs-organizer-login-${run}@example.org`;
  const stranger = `nojs-stranger-${run}@example.org`;
  await createOrganizer(invited);
  const { context, page } = await withoutJavaScript(browser);
  const request = async (email: string) => {
    await page.goto('/ru/login');
    await page.getByLabel('Адрес электронной почты').fill(email);
    await page.getByRole('button', { name: 'Отправить ссылку для входа' }).click();
    await expect(page).toHaveURL(/\/ru\/login\/check-email$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Проверьте почту' })).toBeVisible();
    return page.getByRole('main').innerText();
  };

  const since = await mailMark();
  const strangerAnswer = await request(stranger);
  const invitedAnswer = await request(invited);
  expect(invitedAnswer).toBe(strangerAnswer);
  const mail = await readLatestMail(invited, since, 20_000);
  expect(mail.subject).toBe('Ссылка для входа в Dauys');
  expect(new URL(findLink(mail, /\/login\/confirm$/)).pathname).toBe('/ru/login/confirm');
  expect(await expectNoMail(stranger, since)).toBe(true);
  await context.close();
});
