import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { signInAs } from './helpers/auth';
import { addSlotCampaign, upcomingSlot } from './helpers/dates';
import { findLink, mailMark, readLatestMail, withDatabase } from './helpers/mail';
import { holdPageScripts } from './helpers/slow-script';
import { emailIndexOf } from './helpers/personal-data';

const ADMIN = 'admin@dauys.localhost';
const run = Date.now().toString(36);
const slot = upcomingSlot();

test.beforeAll(() => addSlotCampaign(slot));

/** Opens the RSVP's "confirm" mail, presses its button, and returns the mail that follows it. */
async function confirmFromMail(page: Page, email: string, since: Date, outcome: string) {
  const check = await readLatestMail(email, since, 20_000);
  // Discreet mail, the default: subjects name no event; the mail itself does.
  expect(check.subject).toBe('Please confirm your email');
  await page.goto(findLink(check, /\/events\/rsvp\/confirm$/));
  const confirmedSince = await mailMark();
  await page.getByRole('button', { name: 'Confirm my place' }).click();
  await expect(page.getByText(outcome)).toBeVisible();
  return readLatestMail(email, confirmedSince, 20_000);
}

test('filter the calendar, RSVP, open the .ics, cancel: the first on the waitlist gets the seat and a mail', async ({ page, request }) => {
  test.slow(); // five mails, each through the queue, one after another
  // A one-seat event in the slot's campaign (the seeded demo one but on its last day).
  const slug = `e2e-one-seat-${run}`;
  const lecture = `E2E lecture ${run}`;
  await withDatabase(async (client) => {
    await client.query(
      `INSERT INTO "Event" (id, "campaignId", slug, title, description, type, "startsAt", "endsAt", region, city, "cityKey", venue, languages,
                            capacity, "organiserName", status, "updatedAt")
       SELECT $1, id, $2, $3::jsonb, '{"en":"Test"}', 'LECTURE', $4::timestamp AT TIME ZONE 'Asia/Almaty',
              $5::timestamp AT TIME ZONE 'Asia/Almaty', 'PAVLODAR', '{"en":"Pavlodar"}', 'pavlodar', '{"en":"Library"}', '{en}', 1,
              '{"en":"E2E"}', 'PUBLISHED', now()
         FROM "EventCampaign" WHERE slug = $6`,
      [
        `e2e${run}`,
        slug,
        JSON.stringify({ kk: `E2E kk ${run}`, ru: `E2E ru ${run}`, en: lecture }),
        slot.start,
        slot.end,
        slot.campaign.slug,
      ],
    );
  });

  // The campaign chosen by link (on the demo campaign's last day the slot is in the next one) stays chosen through the filters.
  await page.goto(`/en/events?campaign=${slot.campaign.slug}`);
  await page.getByLabel('Region').selectOption('PAVLODAR');
  await page.getByLabel('Type').selectOption('LECTURE');
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page).toHaveURL(/region=PAVLODAR/);
  await expect(page).toHaveURL(/type=LECTURE/);
  await expect(page).toHaveURL(new RegExp(`campaign=${slot.campaign.slug}`));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('link', { name: lecture }).click();
  // The link navigates in the page: axe waits for the event page's title, not the moment between the two.
  await expect(page).toHaveTitle(new RegExp(lecture));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const first = `first-${run}@example.org`;
  const since = await mailMark();
  await page.getByLabel('Your name').fill('Aigerim First');
  await page.getByLabel('Email', { exact: true }).fill(first);
  await page.getByLabel(/I agree/).check();
  await page.getByRole('button', { name: 'Reserve my place' }).click();
  // The same neutral answer for every address; the seat is decided when the mailed link is pressed.
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const mail = await confirmFromMail(page, first, since, 'Your place is confirmed.');
  expect(mail.subject).toBe('A message about your request');
  expect(mail.text).toContain(`See you at “${lecture}”`);
  const ics = await request.get(findLink(mail, /\/api\/events\/.+\/ics$/));
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!;
  expect(new ICAL.Event(vevent).summary).toBe(lecture);

  // Second person, on a slow phone: the event is full, so the waitlist. They fill the form before the
  // page's script has run; when it starts, what they typed stays (the form kit does not reset it).
  const second = `second-${run}@example.org`;
  const secondSince = await mailMark();
  const slowPhone = await holdPageScripts(page);
  await page.goto(`/en/events/${slug}`, { waitUntil: 'commit' });
  await page.getByLabel('Your name').fill('Dana Second');
  await page.getByLabel('Email', { exact: true }).fill(second);
  await page.getByLabel(/I agree/).check();
  expect(await slowPhone.isHydrated('rsvp-name')).toBe(false); // typed before the script ran
  await slowPhone.release('rsvp-name');
  await expect(page.getByLabel('Your name')).toHaveValue('Dana Second');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(second);
  await expect(page.getByLabel(/I agree/)).toBeChecked();
  await page.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const waitlisted = await confirmFromMail(page, second, secondSince, 'The event is full: you are on the waitlist');
  expect(waitlisted.text).toContain(`“${lecture}” is full for now`);

  // The first cancels from the mailed link (GET shows a button; the POST cancels).
  const promotedSince = await mailMark();
  await page.goto(findLink(mail, /\/events\/rsvp\/cancel$/));
  await page.getByRole('button', { name: 'Cancel my place' }).click();
  await expect(page.getByText('Your place is cancelled')).toBeVisible();

  const promoted = await readLatestMail(second, promotedSince, 20_000);
  expect(promoted.text).toContain(`you were next on the waitlist for “${lecture}”: your place is confirmed`);
});

test('a partner submits an event, verifies the address, and an organizer approves it', async ({ page, context, baseURL }) => {
  const partner = `partner-${run}@example.org`;
  const title = `Orange walk ${run}`;
  await page.goto('/en/events/submit');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Submit the event' }).click();
  await expect(page.getByText('Please fill in this field.').first()).toBeVisible();

  await page.getByLabel('Event title').fill(title);
  await page.getByLabel('Description').fill('A walk with orange scarves through the centre.');
  await page.getByLabel('Type', { exact: true }).selectOption('MARCH');
  await page.getByLabel('Starts').fill(slot.start);
  await page.getByLabel('Ends').fill(slot.end);
  await page.getByLabel('Region').selectOption('KARAGANDA');
  // A field per language for places and the organisation; the partner writes in English and Russian.
  await page.getByRole('group', { name: 'City' }).getByLabel('English').fill('Karaganda');
  await page.getByRole('group', { name: 'City' }).getByLabel('Русский').fill('Караганда');
  await page.getByRole('group', { name: 'Venue' }).getByLabel('English').fill('Central Park');
  await page.getByRole('group', { name: 'Organisation' }).getByLabel('English').fill('Karaganda Circle');
  await page.getByLabel('Your name').fill('Saule Partner');
  await page.getByLabel('Your email').fill(partner);
  await page.getByLabel(/I agree/).check();
  const since = await mailMark();
  await page.getByRole('button', { name: 'Submit the event' }).click();
  await expect(page.getByText('Check your email')).toBeVisible();

  const verify = await readLatestMail(partner, since, 20_000);
  await page.goto(findLink(verify, /\/events\/submit\/verify$/));
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByText('your event is with our moderators')).toBeVisible();

  await signInAs(context, baseURL!, ADMIN);
  await page.goto('/en/console/events/moderation');
  const submission = page.getByRole('article').filter({ hasText: title });
  const approvedSince = await mailMark();
  await submission.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByText('No submissions are waiting.')).toBeVisible();
  const approved = await readLatestMail(partner, approvedSince, 20_000);
  expect(approved.text).toContain(`“${title}” is now in the calendar.`);

  await page.goto(`/en/events?campaign=${slot.campaign.slug}&region=KARAGANDA&type=MARCH`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  // The Russian calendar names the city as the partner wrote it in Russian, and the city filter finds it.
  await page.goto(`/ru/events?campaign=${slot.campaign.slug}&city=karaganda&type=MARCH`);
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title }) })
    .last(); // the event, inside its day
  await expect(card).toContainText('Караганда');
});

test('an organizer creates an event in the console: the form checks its fields before sending anything, then saves', async ({
  page,
  context,
  baseURL,
}) => {
  await signInAs(context, baseURL!, ADMIN);
  await page.goto('/en/console/events/new');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });

  // The same zod schema as the server action, checked in the browser: errors beside each field.
  await page.locator('#field-startsAt').fill(`${slot.date}T12:00`);
  await page.locator('#field-endsAt').fill(`${slot.date}T10:00`);
  for (const language of ['Қазақша', 'Русский', 'English']) await page.getByRole('checkbox', { name: language }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#field-title-en-error')).toHaveText('Please fill in this field.');
  await expect(page.locator('#field-title-en')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-endsAt-error')).toHaveText('The end must be after the start.');
  await expect(page.locator('#languages-error')).toHaveText('Choose at least one language.');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  expect(posts, 'nothing sent while the form has errors').toEqual([]);

  const title = `Console event ${run}`;
  await page.locator('#field-slug').fill(`console-event-${run}`);
  for (const lang of ['kk', 'ru', 'en']) {
    await page.locator(`#field-title-${lang}`).fill(`${title} ${lang}`);
    await page.locator(`#field-description-${lang}`).fill(`Description ${lang}`);
  }
  await page.locator('#field-endsAt').fill(`${slot.date}T14:00`);
  await page.locator('#field-city-en').fill('Shymkent');
  await page.locator('#field-city-kk').fill('Шымкент');
  await page.locator('#field-venue-en').fill('Youth centre');
  await page.locator('#field-organiserName-en').fill('Shymkent Women');
  await page.getByRole('checkbox', { name: 'English' }).check();
  await expect(page.locator('#languages-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(/\/en\/console\/events\/[^/?]+\?saved=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} en`);
  await withDatabase(async (client) => {
    const { rows } = await client.query(`SELECT languages::text[] AS languages, city, "cityKey" FROM "Event" WHERE slug = $1`, [
      `console-event-${run}`,
    ]);
    expect(rows).toEqual([{ languages: ['en'], city: { kk: 'Шымкент', ru: '', en: 'Shymkent' }, cityKey: 'shymkent' }]);
  });
});

test('without JavaScript, in Kazakh, a supporter answers an RSVP and confirms it from the mail', async ({ browser }) => {
  const slug = `e2e-nojs-${run}`;
  const title = `E2E no-JS ${run}`;
  await withDatabase(async (client) => {
    await client.query(
      `INSERT INTO "Event" (id, "campaignId", slug, title, description, type, "startsAt", "endsAt", region, city, "cityKey", venue, languages,
                            capacity, "organiserName", status, "updatedAt")
       SELECT $1, id, $2, $3::jsonb, '{"kk":"Сынақ"}', 'LECTURE', $4::timestamp AT TIME ZONE 'Asia/Almaty',
              $5::timestamp AT TIME ZONE 'Asia/Almaty', 'ABAI', '{"kk":"Семей","en":"Semey"}', 'semey', '{"kk":"Кітапхана"}', '{kk}', 10,
              '{"kk":"E2E"}', 'PUBLISHED', now()
         FROM "EventCampaign" WHERE slug = $6`,
      [`e2e-nojs-${run}`, slug, JSON.stringify({ kk: title, ru: title, en: title }), slot.start, slot.end, slot.campaign.slug],
    );
  });
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const email = `nojs-${run}@example.org`;
  const since = await mailMark();
  await page.goto(`/kk/events/${slug}`);
  await page.getByLabel('Атыңыз').fill('Айгерім');
  await page.getByLabel('Электрондық пошта', { exact: true }).fill(email);
  await page.getByLabel(/Атым мен поштам/).check();
  await page.getByRole('button', { name: 'Орын брондау' }).click();
  await expect(page.getByRole('heading', { name: 'Поштаңызды тексеріңіз' })).toBeVisible();
  const check = await readLatestMail(email, since, 20_000);
  await page.goto(findLink(check, /\/events\/rsvp\/confirm$/));
  await page.getByRole('button', { name: 'Орнымды растау' }).click();
  await expect(page.getByText('Орныңыз расталды.')).toBeVisible();
  const emailIndex = await emailIndexOf(email);
  await expect
    .poll(() =>
      withDatabase(
        async (client) =>
          (await client.query<{ status: string }>('SELECT status FROM "Rsvp" WHERE "emailIndex" = $1', [emailIndex])).rows[0]?.status,
      ),
    )
    .toBe('CONFIRMED');
  await context.close();
});
