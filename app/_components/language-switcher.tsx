'use client';

import { usePathname } from 'next/navigation';
import { pathWithoutLocale } from './path-without-locale';

export type Language = { locale: string; name: string };

/** Links to the same page in each language (the path without its locale, kept as it is). */
export function LanguageSwitcher({ label, current, languages }: { label: string; current: string; languages: Language[] }) {
  const path = pathWithoutLocale(usePathname());
  return (
    <nav aria-label={label} className="language-switcher">
      <ul>
        {languages.map(({ locale, name }) => (
          <li key={locale}>
            <a href={`/${locale}${path}`} lang={locale} hrefLang={locale} aria-current={locale === current ? 'true' : undefined}>
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
