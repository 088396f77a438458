'use client';

import { usePathname } from 'next/navigation';
import { pathWithoutLocale } from './path-without-locale';

export type SiteNavItem = { path: string; label: string };

/** The public sections, the current one marked. Plain links: a public page loads as a document (docs/conventions.md). */
export function SiteNav({ label, locale, items }: { label: string; locale: string; items: SiteNavItem[] }) {
  const path = pathWithoutLocale(usePathname());
  return (
    <nav aria-label={label} className="site-nav">
      <ul>
        {items.map((item) => {
          const isCurrent = path === item.path || path.startsWith(`${item.path}/`);
          return (
            <li key={item.path}>
              <a href={`/${locale}${item.path}`} aria-current={isCurrent ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
