import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/app/_components/site-header';
import { Link } from '@/lib/i18n/navigation';

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
          <Link href="/">{t('backHome')}</Link>
        </p>
      </main>
    </div>
  );
}
