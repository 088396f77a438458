import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, describe, expect, it } from 'vitest';

process.env.APP_URL = 'https://dauys.test';
const { db } = await import('@/lib/db');
const allFeed = await import('@/app/api/reforms/feed.xml/route');
const oneFeed = await import('@/app/api/reforms/[slug]/feed.xml/route');
const { createReform } = await import('./helpers/fixtures');

afterAll(() => db.$disconnect());

const tricky = { kk: 'Заң <b>& "тырнақша"</b>', ru: 'Закон <script>alert(1)</script> & «кавычки»', en: 'Law <b>& "quotes"</b> \u0007' };

describe('Atom feeds', () => {
  it('are valid Atom 1.0 with escaped text, for all reforms and for one, in the asked language', async () => {
    const reform = await db.reform.create({
      data: { slug: 'feed-law', title: tricky, summary: { kk: 'Қысқа', ru: 'Кратко', en: 'Short & <sweet>' } },
    });
    const other = await createReform('feed-other');
    await db.reformStage.create({
      data: {
        reformId: reform.id,
        stage: 'PASSED_MAZHILIS',
        occurredOn: new Date('2025-05-28'),
        note: { kk: 'к', ru: 'Мажилис принял & одобрил', en: 'Passed <fast> & "well"' },
        sourceUrl: 'https://example.org/a?x=1&y=2',
        sourceLabel: { kk: 'Дереккөз <1>', ru: 'Источник <1>', en: 'Source <1>' },
        createdAt: new Date('2025-05-29T10:00:00Z'),
      },
    });
    await db.reformStage.create({
      data: {
        reformId: reform.id,
        stage: 'SIGNED',
        occurredOn: new Date('2025-07-16'),
        note: { kk: 'к', ru: 'Подписан', en: 'Signed' },
        createdAt: new Date('2025-07-16T12:00:00Z'),
      },
    });
    await db.reformStage.create({
      data: {
        reformId: other.id,
        stage: 'PROPOSED',
        occurredOn: new Date('2023-06-01'),
        note: { kk: 'к', ru: 'р', en: 'e' },
        createdAt: new Date('2025-01-01T00:00:00Z'),
      },
    });

    const response = await allFeed.GET(new Request('https://dauys.test/api/reforms/feed.xml?locale=en'));
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    const feed = parseFeed(xml);
    expect(feed.meta).toMatchObject({ type: 'atom', version: '1.0' });
    expect(feed.title).toBe('Dauys: reform tracker');
    expect(feed.self).toBe('https://dauys.test/api/reforms/feed.xml?locale=en');
    expect(feed.updated?.toISOString()).toBe('2025-07-16T12:00:00.000Z');
    expect(feed.authors.map((a) => a.name)).toEqual(['Dauys']);
    expect(feed.items).toHaveLength(3);
    const [signed, passed] = feed.items;
    expect(signed!.title).toBe('Law <b>& "quotes"</b> : Signed by the President (July 16, 2025)');
    expect(passed!.id).toMatch(/^tag:dauys\.test,2024:reform-stage\/.+/);
    expect(passed!.updated?.toISOString()).toBe('2025-05-29T10:00:00.000Z');
    expect(passed!.url).toMatch(/^https:\/\/dauys\.test\/en\/reforms\/feed-law#stage-/);
    expect(passed!.description).toContain('Passed <fast> & "well"');
    expect(passed!.description).toContain('Source <1> — https://example.org/a?x=1&y=2');
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(3);
    // Raw text never reaches the XML unescaped, and XML-forbidden characters are dropped.
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('\u0007');

    const ruXml = await (
      await oneFeed.GET(new Request('https://dauys.test/api/reforms/feed-law/feed.xml?locale=ru'), {
        params: Promise.resolve({ slug: 'feed-law' }),
      })
    ).text();
    const ru = parseFeed(ruXml);
    expect(ru.language).toBe('ru');
    expect(ru.title).toBe('Dauys: Закон <script>alert(1)</script> & «кавычки»');
    expect(ru.self).toBe('https://dauys.test/api/reforms/feed-law/feed.xml?locale=ru');
    expect(ru.items.map((i) => i.title)).toEqual([
      'Закон <script>alert(1)</script> & «кавычки»: Подписан Президентом (16 июля 2025 г.)',
      'Закон <script>alert(1)</script> & «кавычки»: Принят Мажилисом (28 мая 2025 г.)',
    ]);
    expect(ru.items[1]!.description).toContain('Источник <1> — https://example.org/a?x=1&y=2');
    for (const required of ['<id>', '<title type="text">', '<updated>', '<author>', 'rel="self"']) expect(ruXml).toContain(required);

    const missing = await oneFeed.GET(new Request('https://dauys.test/api/reforms/nope/feed.xml'), {
      params: Promise.resolve({ slug: 'nope' }),
    });
    expect(missing.status).toBe(404);
  });
});
