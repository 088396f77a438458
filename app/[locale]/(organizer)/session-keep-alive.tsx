'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';

const MIN_INTERVAL_MS = 60_000;
let lastRefresh = 0;

/*
 * Server components cannot set cookies, so the session cookie keeps the expiry it got at sign-in
 * while the database session slides forward with activity. next-auth's session endpoint moves
 * both; calling it on navigation and when the tab returns keeps an active organizer signed in.
 */
export function SessionKeepAlive() {
  const pathname = usePathname();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastRefresh < MIN_INTERVAL_MS) return;
      lastRefresh = Date.now();
      void fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' }).catch(() => undefined);
    };
    refresh();
    document.addEventListener('visibilitychange', refresh);
    return () => document.removeEventListener('visibilitychange', refresh);
  }, [pathname]);
  return null;
}
