import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { localized } from '@/lib/i18n/localized';
import { findPublicPetitions, type PetitionListItem } from '@/lib/petitions/queries';
import { readLocale } from '@/lib/validation';
import styles from './petitions.module.css';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'petitions.list' });
  return { title: t('title') };
}

export default async function PetitionsPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'petitions' });
  const tCommon = await getTranslations({ locale, namespace: 'common' });
  const format = await getFormatter({ locale });
  const petitions = await findPublicPetitions();
  const open = petitions.filter((p) => p.status === 'OPEN');
  const closed = petitions.filter((p) => p.status !== 'OPEN');

  const item = (petition: PetitionListItem) => (
    <li key={petition.id} className="card">
      <h3>
        <a href={`/${locale}/petitions/${petition.slug}`}>{localized(petition.title, locale)}</a>
      </h3>
      <p>
        <span className={styles.badge}>{t(`status.${petition.status}`)}</span>
        {petition.isDemo ? (
          <>
            {' '}
            <span className={styles.badge}>{tCommon('demo.label')}</span>
          </>
        ) : null}
      </p>
      <p>{localized(petition.summary, locale)}</p>
      <p>
        <strong>{t('list.signatures', { count: petition.count })}</strong> {t('list.ofGoal', { goal: format.number(petition.goal) })}
      </p>
      <progress
        className={styles.progress}
        max={petition.goal}
        value={Math.min(petition.count, petition.goal)}
        aria-label={t('page.progressLabel')}
      />
    </li>
  );

  return (
    <div className="page">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t('list.open')}</h2>
        {open.length ? <ul className={styles.list}>{open.map(item)}</ul> : <p>{t('list.none')}</p>}
      </section>
      {closed.length ? (
        <section aria-labelledby="closed-heading">
          <h2 id="closed-heading">{t('list.closed')}</h2>
          <ul className={styles.list}>{closed.map(item)}</ul>
        </section>
      ) : null}
    </div>
  );
}
