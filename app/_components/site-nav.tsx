'use client';

import { Link, usePathname } from '@/lib/i18n/navigation';

export type SiteNavItem = { href: string; label: string };

export function SiteNav({ label, items }: { label: string; items: SiteNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="site-nav">
      <ul>
        {items.map((item) => {
          const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={isCurrent ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
