import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/app/_components/site-header';

// Within the site's header (Quick exit, navigation, languages); no footer, which reads the database.
export default async function LocaleNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'common' });
  return (
    <div className="site">
      <SiteHeader locale={locale} />
      <main id="main-content" tabIndex={-1} className="site-main page narrow">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <p>
          <a href={`/${locale}`}>{t('backHome')}</a>
        </p>
      </main>
    </div>
  );
}
