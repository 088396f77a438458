'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type ConsoleNavLink = { href: string; label: string };

export function ConsoleNav({ label, links, className }: { label: string; links: ConsoleNavLink[]; className?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={className}>
      <ul className="link-row">
        {links.map((link) => {
          const isCurrent = pathname === link.href;
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={isCurrent ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
