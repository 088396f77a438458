import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { AppLocale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';
import { QuickExit } from './quick-exit';
import { SiteNav } from './site-nav';

export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'common' });
  const items = [
    { href: '/petitions', label: t('nav.petitions') },
    { href: '/events', label: t('nav.events') },
    { href: '/reforms', label: t('nav.reforms') },
    { href: '/help', label: t('nav.help') },
  ];
  return (
    <header className="site-header">
      <QuickExit />
      <div className="site-header-inner">
        <Link href="/" className="site-name" aria-label={t('homeLink')}>
          Dauys
        </Link>
        <SiteNav label={t('nav.label')} items={items} />
        <LanguageSwitcher label={t('language.label')} />
      </div>
    </header>
  );
}
