import { expect, test, type Page } from '@playwright/test';

/*
 * A reader of the Kazakh or Russian pages of the demo meets no English: every Latin-script word on
 * them is a name or a brand on this short list (or part of an address or a link), or a name a
 * signer wrote.
 */

const NAMES_AND_BRANDS = [
  'Dauys',
  'Google Calendar',
  'Outlook',
  'Facebook',
  'Telegram',
  'WhatsApp',
  'X',
  'English', // the language menu names each language in itself
  'AGPL', // the licence
  'Apple', // Apple's calendar
  'Esc', // the key of Quick exit
  'UTC',
  'Atom', // the feed format
  'ics', // the file type
];
const NAME_OR_BRAND = new RegExp(`(?<![\\p{L}\\p{M}])(?:${NAMES_AND_BRANDS.join('|')})(?![\\p{L}\\p{M}])`, 'gu');

const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}\p{M}'’-]*/gu;
const ADDRESS_OR_LINK = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\bhttps?:\/\/\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:kz|org|com|net|localhost)\S*/giu;

/** The Latin-script words of a text that are not names or brands (addresses and links are left out). */
function foreignWords(text: string): string[] {
  const words = text.replace(ADDRESS_OR_LINK, ' ').replace(NAME_OR_BRAND, ' ').match(LATIN_WORD) ?? [];
  return [...new Set(words.map((word) => word.replace(/['’-]+$/u, '')))];
}

/** The demo's events: the seed's slugs (other specs add events of their own to the demo campaign). */
const DEMO_EVENT =
  /\/events\/(?:demo-|almaty-rally-|astana-orange-illumination-|untold-art-installation-|online-lecture-istanbul-convention-)/;

/**
 * The page's visible text, without the names signers wrote (theirs, in the script they typed) and
 * without the events other specs added to the calendar.
 */
async function visibleText(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  let text = await page.locator('body').innerText();
  const signers = await page.locator('[aria-labelledby="signers-heading"] li').allInnerTexts();
  const cards = await page
    .locator('li:has(> h3 > a[href*="/events/"])')
    .evaluateAll((items) =>
      items.map((item) => ({ href: item.querySelector('a')?.getAttribute('href') ?? '', text: (item as HTMLElement).innerText })),
    );
  const notDemo = cards.filter((card) => !DEMO_EVENT.test(card.href)).map((card) => card.text);
  const lines = notDemo.flatMap((card) => card.split('\n')).filter((line) => line.trim());
  for (const added of [...signers.map((signer) => signer.split(',')[0]!), ...lines]) text = text.replaceAll(added, ' ');
  return text;
}

/** The href of the first link on the page whose path matches. */
async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return href!;
}

/** The public pages of the demo in one language: fixed pages, and the first petition, events and reforms they link to. */
async function demoPages(page: Page, locale: 'kk' | 'ru'): Promise<string[]> {
  const pages = [
    `/${locale}`,
    `/${locale}/petitions`,
    `/${locale}/events`,
    `/${locale}/reforms`,
    `/${locale}/help`,
    `/${locale}/subscriptions`,
  ];
  await page.goto(`/${locale}/petitions`);
  pages.push(await firstHref(page, new RegExp(`^/${locale}/petitions/[a-z0-9-]+$`)));
  await page.goto(`/${locale}/reforms`);
  const reforms = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  pages.push(...new Set(reforms.filter((href) => new RegExp(`^/${locale}/reforms/(?!alerts)[a-z0-9-]+$`).test(href))));
  await page.goto(`/${locale}/events`);
  pages.push(await firstHref(page, new RegExp(`^/${locale}/events/almaty-rally-`)));
  pages.push(await firstHref(page, new RegExp(`^/${locale}/events/demo-`)));
  const city = await page.locator('#filter-city option').nth(1).getAttribute('value');
  expect(city, 'a city to filter by').toBeTruthy();
  pages.push(`/${locale}/events?${new URLSearchParams({ city: city! })}`, `/${locale}/events?region=EAST_KAZAKHSTAN`);
  return pages;
}

for (const locale of ['kk', 'ru'] as const) {
  test(`the ${locale} pages of the demo show no English: only names and brands are in Latin script`, async ({ page }) => {
    const found: string[] = [];
    for (const path of await demoPages(page, locale)) {
      const words = foreignWords(await visibleText(page, path));
      if (words.length > 0) found.push(`${path}: ${words.join(', ')}`);
    }
    expect(found, `Latin-script words on the ${locale} pages:\n${found.join('\n')}`).toEqual([]);
  });
}
