import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findPublicHotlines, telHref } from '@/lib/help/queries';
import { isAppLocale, routing } from '@/lib/i18n/routing';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'help' });
  return { title: t('metaTitle') };
}

export default async function HelpPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const lang = isAppLocale(locale) ? locale : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: 'help' });
  const hotlines = await findPublicHotlines();

  return (
    <div className="page narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('intro')}</p>
      <p className="notice notice-urgent">{t('emergency')}</p>

      <section aria-labelledby="hotlines-title">
        <h2 id="hotlines-title">{t('listTitle')}</h2>
        <ul className="hotline-list">
          {hotlines.map((hotline) => (
            <li key={hotline.id} className="hotline">
              <h3>{hotline.name[lang]}</h3>
              <p>
                <a href={telHref(hotline.number)} className="hotline-number" aria-label={t('call', { number: hotline.number })}>
                  {hotline.number}
                </a>
              </p>
              <p>{hotline.description[lang]}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="safety-title">
        <h2 id="safety-title">{t('safetyTitle')}</h2>
        <ul>
          <li>{t('safetyTips.private')}</li>
          <li>{t('safetyTips.history')}</li>
          <li>{t('safetyTips.quickExit')}</li>
          <li>{t('safetyTips.mail')}</li>
        </ul>
      </section>
    </div>
  );
}
