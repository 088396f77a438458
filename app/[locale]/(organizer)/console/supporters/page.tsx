import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { listTags, PAGE_SIZE, searchSupporters } from '@/lib/supporters/queries';
import { ACTIVITIES, SupporterFilterSchema, type SupporterFilter } from '@/lib/supporters/schemas';
import { readLocale, REGIONS } from '@/lib/validation';
import styles from '../../console.module.css';
import { bulkTagAction } from './actions';
import { TagForm } from './tag-form';
import { LocaleOptions } from '@/app/_components/locale-options';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'campaigns.supporters' });
  return { title: t('title') };
}

export default async function SupportersPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const query = await searchParams;
  const parsed = SupporterFilterSchema.safeParse(query);
  const filter: SupporterFilter = parsed.success ? parsed.data : { q: undefined };
  const page = Math.max(0, Number(query.page) || 0);
  const [{ rows, total }, tags, t, tRegions, tLang, tImports] = await Promise.all([
    searchSupporters(filter, page),
    listTags(),
    getTranslations({ locale, namespace: 'campaigns.supporters' }),
    getTranslations({ locale, namespace: 'common.regions' }),
    getTranslations({ locale, namespace: 'campaigns.console.languages' }),
    getTranslations({ locale, namespace: 'campaigns.imports' }),
  ]);
  const keep = Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>;
  const pageLink = (p: number) => `?${new URLSearchParams([...keep, ['page', String(p)]])}`;

  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link href={`/${locale}/console/supporters/import`}>{tImports('importLink')}</Link>
      </p>
      {query.tagged ? (
        <p className="notice" role="status">
          {t('tagged', { count: Number(query.tagged) || 0 })}
        </p>
      ) : null}
      {query.error ? (
        <p className="notice notice-error" role="alert">
          {t('tagInvalid')}
        </p>
      ) : null}
      <form method="get" className="stack" role="search" aria-label={t('searchLabel')}>
        <div className="field">
          <label htmlFor="filter-q">{t('q')}</label>
          <input id="filter-q" name="q" type="search" inputMode="email" aria-describedby="filter-q-hint" defaultValue={filter.q ?? ''} />
          <p id="filter-q-hint" className="hint">
            {t('qHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="filter-tag">{t('tag')}</label>
          <select id="filter-tag" name="tagId" defaultValue={filter.tagId ?? ''}>
            <option value="">{t('any')}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name} ({tag._count.supporters})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-region">{t('region')}</label>
          <select id="filter-region" name="region" autoComplete="off" defaultValue={filter.region ?? ''}>
            <option value="">{t('any')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {tRegions(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-locale">{t('language')}</label>
          <select id="filter-locale" name="locale" defaultValue={filter.locale ?? ''}>
            <option value="">{t('any')}</option>
            <LocaleOptions name={(l) => tLang(l)} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-activity">{t('activity')}</label>
          <select id="filter-activity" name="activity" defaultValue={filter.activity ?? ''}>
            <option value="">{t('any')}</option>
            {ACTIVITIES.map((a) => (
              <option key={a} value={a}>
                {t(`activities.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('search')}</button>
      </form>

      <TagForm
        action={bulkTagAction.bind(null, locale)}
        id="bulk-tag-name"
        label={t('tagName')}
        submit={t('bulkTag')}
        labelledBy="bulk-tag-title"
      >
        <h2 id="bulk-tag-title">{t('bulkTagTitle', { count: total })}</h2>
        {keep.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
      </TagForm>

      <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={t('title')}>
        <table>
          <caption>{t('caption', { count: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.email')}</th>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.language')}</th>
              <th scope="col">{t('columns.region')}</th>
              <th scope="col">{t('columns.tags')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/${locale}/console/supporters/${s.id}`}>{s.email}</Link>
                </th>
                <td>{s.name}</td>
                <td>{s.locale}</td>
                <td>{s.region ? tRegions(s.region) : ''}</td>
                <td>{s.tags.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {page > 0 ? <Link href={pageLink(page - 1)}>{t('previous')}</Link> : null}{' '}
        {(page + 1) * PAGE_SIZE < total ? <Link href={pageLink(page + 1)}>{t('next')}</Link> : null}
      </p>
    </>
  );
}
