import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string }> };

const AREAS = [
  { key: 'petitions', path: '/petitions' },
  { key: 'events', path: '/events' },
  { key: 'reforms', path: '/reforms' },
  { key: 'help', path: '/help' },
] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'home' });
  return { title: { absolute: t('metaTitle') } };
}

export default async function HomePage({ params }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'home' });
  const tCommon = await getTranslations({ locale, namespace: 'common' });

  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('heading')}</h1>
        <p className="lead">{t('intro')}</p>
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">{t('areasTitle')}</h2>
        <ul className="card-grid">
          {AREAS.map((area) => (
            <li key={area.key} className={`card card-${area.key}`}>
              <h3>
                <a href={`/${locale}${area.path}`}>{t(`areas.${area.key}.title`)}</a>
              </h3>
              <p>{t(`areas.${area.key}.description`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="safety-title" className="callout">
        <h2 id="safety-title">{t('safetyTitle')}</h2>
        <p>{t('safetyText')}</p>
      </section>

      <aside aria-labelledby="demo-title" className="notice">
        <h2 id="demo-title">{t('demoTitle')}</h2>
        <p>{tCommon('footer.demoNotice')}</p>
      </aside>
    </div>
  );
}
