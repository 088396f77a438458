import { env } from '@/lib/env';
import { formatDate, getTranslator } from '@/lib/i18n/translator';
import type { AppLocale } from '@/lib/i18n/routing';
import { reformUrl } from '@/lib/reforms/alert-props';
import { localized } from '@/lib/i18n/localized';
import type { listStagesForFeed } from '@/lib/reforms/queries';
import { dateColumnKey } from '@/lib/time/kazakhstan';

type FeedStage = Awaited<ReturnType<typeof listStagesForFeed>>[number];

export function escapeXml(text: string): string {
  return (
    text
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
      // Characters XML 1.0 forbids even escaped.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

const base = () => env.APP_URL.replace(/\/$/, '');

/** A tag URI (RFC 4151): stable across locales, hosts' paths and renamed slugs. */
function tagId(specific: string): string {
  return `tag:${new URL(env.APP_URL).hostname},2024:${specific}`;
}

export type FeedInput = {
  locale: AppLocale;
  /** The feed's own URL, for rel="self". */
  selfUrl: string;
  reform?: { id: string; slug: string; title: unknown; summary: unknown; updatedAt: Date };
  stages: FeedStage[];
};

/** An Atom 1.0 (RFC 4287) document of recorded stages, newest first. */
export function buildAtomFeed({ locale, selfUrl, reform, stages }: FeedInput): string {
  const t = getTranslator(locale, 'reforms');
  const title = reform ? t('feed.titleOne', { title: localized(reform.title, locale) }) : t('feed.titleAll');
  const subtitle = reform ? localized(reform.summary, locale) : t('feed.subtitle');
  const alternate = reform ? reformUrl(reform.slug, locale) : `${base()}/${locale}/reforms`;
  const times = [...stages.map((s) => s.createdAt.getTime()), reform?.updatedAt.getTime() ?? 0];
  const updated = new Date(Math.max(0, ...times)).toISOString();

  const entries = stages.map((stage) => {
    const reformTitle = localized(stage.reform.title, locale);
    const stageLabel = t(`stages.${stage.stage}`);
    const date = formatDate(stage.occurredOn, locale, 'dateColumn');
    const note = localized(stage.note, locale);
    const sourceLabel = localized(stage.sourceLabel, locale);
    const source =
      stage.sourceUrl || sourceLabel ? `\n\n${t('reform.source')} ${[sourceLabel, stage.sourceUrl].filter(Boolean).join(' — ')}` : '';
    const link = `${reformUrl(stage.reform.slug, locale)}#stage-${stage.id}`;
    return [
      '  <entry>',
      `    <id>${escapeXml(tagId(`reform-stage/${stage.id}`))}</id>`,
      `    <title type="text">${escapeXml(t('feed.entryTitle', { title: reformTitle, stage: stageLabel, date }))}</title>`,
      `    <updated>${stage.createdAt.toISOString()}</updated>`,
      `    <published>${stage.createdAt.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      ...(stage.sourceUrl ? [`    <link rel="related" href="${escapeXml(stage.sourceUrl)}"/>`] : []),
      `    <category term="${stage.stage}" label="${escapeXml(stageLabel)}"/>`,
      `    <summary type="text">${escapeXml(`${stageLabel}, ${date} (${dateColumnKey(stage.occurredOn)}).\n${note}${source}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${escapeXml(tagId(reform ? `reform/${reform.id}` : 'reforms'))}</id>`,
    `  <title type="text">${escapeXml(title)}</title>`,
    `  <subtitle type="text">${escapeXml(subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>Dauys</name><uri>${escapeXml(base())}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(alternate)}"/>`,
    `  <generator>Dauys</generator>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export const ATOM_HEADERS = {
  'Content-Type': 'application/atom+xml; charset=utf-8',
  'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
};
