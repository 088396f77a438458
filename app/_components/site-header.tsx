import { getTranslations } from 'next-intl/server';
import { LOCALE_NAMES, routing, type AppLocale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';
import { SiteNav } from './site-nav';
import { TranslatedQuickExit } from './translated-quick-exit';

export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'common' });
  const items = [
    { path: '/petitions', label: t('nav.petitions') },
    { path: '/events', label: t('nav.events') },
    { path: '/reforms', label: t('nav.reforms') },
    { path: '/help', label: t('nav.help') },
  ];
  return (
    <header className="site-header">
      <TranslatedQuickExit locale={locale} />
      <div className="site-header-inner">
        <a href={`/${locale}`} className="site-name" aria-label={t('homeLink')}>
          Dauys
        </a>
        <SiteNav label={t('nav.label')} locale={locale} items={items} />
        <LanguageSwitcher
          label={t('language.label')}
          current={locale}
          languages={routing.locales.map((each) => ({ locale: each, name: LOCALE_NAMES[each] }))}
        />
      </div>
    </header>
  );
}
