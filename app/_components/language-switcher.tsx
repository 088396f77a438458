'use client';

import { useLocale } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { LOCALE_NAMES, routing } from '@/lib/i18n/routing';

/** Links to the same page in each language (the path without its locale, kept as it is). */
export function LanguageSwitcher({ label }: { label: string }) {
  const pathname = usePathname();
  const current = useLocale();
  return (
    <nav aria-label={label} className="language-switcher">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link href={pathname} locale={locale} lang={locale} hrefLang={locale} aria-current={locale === current ? 'true' : undefined}>
              {LOCALE_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
