'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { useScriptRuns } from '@/app/_components/use-script-runs';
import styles from './console.module.css';

export type ConsoleNavLink = { href: string; label: string };

/**
 * The console's links. On a phone they would fill the first screen, so once the script runs they
 * fold behind a Menu button there; without JavaScript they are all shown, as on wider screens.
 */
export function ConsoleNav({ label, menuLabel, links }: { label: string; menuLabel: string; links: ConsoleNavLink[] }) {
  const pathname = usePathname();
  const scriptRuns = useScriptRuns();
  // Open on the page where it was opened: a link followed inside the app closes it again.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  return (
    <nav aria-label={label} className={styles.nav} data-foldable={scriptRuns || undefined} data-open={isOpen || undefined}>
      {scriptRuns ? (
        <button
          type="button"
          className={`button-secondary ${styles.menuButton}`}
          aria-expanded={isOpen}
          aria-controls="console-links"
          onClick={() => setOpenOn(isOpen ? null : pathname)}
        >
          {menuLabel}
        </button>
      ) : null}
      <ul id="console-links" className="link-row">
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
