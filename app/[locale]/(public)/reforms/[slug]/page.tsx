import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { localized } from '@/lib/i18n/localized';
import { getReformBySlug, listReformChoices } from '@/lib/reforms/queries';
import { dateColumnKey } from '@/lib/time/kazakhstan';
import { readLocale } from '@/lib/validation';
import { subscribeAction } from '../alerts/actions';
import { subscribeFormTexts } from '../client-texts';
import { StageProgress } from '../stage-progress';
import { SubscribeForm } from '../subscribe-form';
import styles from '../reforms.module.css';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: rawLocale, slug } = await params;
  const locale = readLocale(rawLocale);
  const reform = await getReformBySlug(slug);
  if (!reform) return {};
  return {
    title: localized(reform.title, locale),
    description: localized(reform.summary, locale).slice(0, 200),
    alternates: { types: { 'application/atom+xml': `/api/reforms/${reform.slug}/feed.xml?locale=${locale}` } },
  };
}

export default async function ReformPage({ params }: Props) {
  const { locale: rawLocale, slug } = await params;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const [reform, choices, t, subscribeForm, format] = await Promise.all([
    getReformBySlug(slug),
    listReformChoices(),
    getTranslations({ locale, namespace: 'reforms' }),
    subscribeFormTexts(locale),
    getFormatter({ locale }),
  ]);
  if (!reform) notFound();
  const title = localized(reform.title, locale);

  return (
    <div className="page">
      <p>
        <a href={`/${locale}/reforms`}>{t('reform.back')}</a>
      </p>
      <h1>{title}</h1>
      {reform.isDemo ? <p className="demo-notice">{t('reform.demo')}</p> : null}
      <StageProgress locale={locale} stage={reform.currentStage} progress={reform.progress} />

      <section aria-labelledby="reform-summary">
        <h2 id="reform-summary">{t('reform.summary')}</h2>
        <p style={{ whiteSpace: 'pre-line' }}>{localized(reform.summary, locale)}</p>
      </section>

      {reform.petition ? (
        <section aria-labelledby="reform-petition">
          <h2 id="reform-petition">{t('reform.petition')}</h2>
          <p>
            <a href={`/${locale}/petitions/${reform.petition.slug}`}>{localized(reform.petition.title, locale)}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="reform-timeline">
        <h2 id="reform-timeline">{t('reform.timeline')}</h2>
        {reform.stages.length === 0 ? (
          <p>{t('reform.noStages')}</p>
        ) : (
          <ol className={styles.timeline}>
            {reform.stages.map((stage) => (
              <li key={stage.id} id={`stage-${stage.id}`}>
                <h3>
                  <time dateTime={dateColumnKey(stage.occurredOn)}>{format.dateTime(stage.occurredOn, 'dateColumn')}</time>
                  {' — '}
                  {t(`stages.${stage.stage}`)}
                </h3>
                <p>{localized(stage.note, locale)}</p>
                {stage.sourceUrl || stage.sourceLabel ? (
                  <p className={styles.meta}>
                    {t('reform.source')}{' '}
                    {stage.sourceUrl ? (
                      <a href={stage.sourceUrl} rel="noopener noreferrer">
                        {localized(stage.sourceLabel, locale) || stage.sourceUrl}
                      </a>
                    ) : (
                      localized(stage.sourceLabel, locale)
                    )}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        <p>
          <a href={`/api/reforms/${reform.slug}/feed.xml?locale=${locale}`} type="application/atom+xml">
            {t('reform.feed')}
          </a>
        </p>
      </section>

      <section aria-labelledby="reform-alerts">
        <h2 id="reform-alerts">{t('reform.getAlerts')}</h2>
        <SubscribeForm
          locale={locale}
          reforms={choices.map((choice) => ({ id: choice.id, title: localized(choice.title, locale) }))}
          defaultScope={reform.id}
          action={subscribeAction.bind(null, locale)}
          {...subscribeForm}
        />
      </section>
    </div>
  );
}
