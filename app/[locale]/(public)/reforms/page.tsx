import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { STAGES } from '@/lib/reforms/constants';
import { localized } from '@/lib/i18n/localized';
import { listReforms } from '@/lib/reforms/queries';
import { StageSchema } from '@/lib/reforms/schemas';
import { readLocale } from '@/lib/validation';
import { StageProgress } from './stage-progress';
import styles from './reforms.module.css';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ stage?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'reforms' });
  return {
    title: t('meta.title'),
    description: t('meta.description'),
    alternates: { types: { 'application/atom+xml': `/api/reforms/feed.xml?locale=${locale}` } },
  };
}

export default async function ReformsPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const raw = (await searchParams).stage;
  // An unknown stage in the URL shows everything rather than an error.
  const stage = StageSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const filter = stage.success ? stage.data : undefined;
  const [t, reforms] = await Promise.all([getTranslations({ locale, namespace: 'reforms' }), listReforms(filter)]);

  return (
    <div className="page">
      <h1>{t('list.heading')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <p className="button-row">
        <a className="button" href={`/${locale}/reforms/alerts`}>
          {t('list.getAlertsAll')}
        </a>
        <a href={`/api/reforms/feed.xml?locale=${locale}`} type="application/atom+xml">
          {t('list.feed')}
        </a>
      </p>

      <form method="get" className={styles.filters}>
        <div className="field">
          <label htmlFor="reform-stage-filter">{t('list.filterLabel')}</label>
          <select id="reform-stage-filter" name="stage" defaultValue={filter ?? ''}>
            <option value="">{t('list.filterAll')}</option>
            {STAGES.map((value) => (
              <option key={value} value={value}>
                {t(`stages.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {t('list.filterSubmit')}
        </button>
      </form>

      <p role="status">{t('list.count', { count: reforms.length })}</p>
      {reforms.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {reforms.map((reform) => (
            <li key={reform.id} className={styles.item}>
              <h2>
                <a href={`/${locale}/reforms/${reform.slug}`}>{localized(reform.title, locale)}</a>
              </h2>
              <StageProgress locale={locale} stage={reform.currentStage} progress={reform.progress} />
              <p>{localized(reform.summary, locale)}</p>
              {reform.isDemo ? <p className={styles.meta}>{t('list.demo')}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
