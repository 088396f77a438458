'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { QuickExit } from '@/app/_components/quick-exit';

/*
 * What a person sees instead of a page that failed: in their language, with the Quick exit, and
 * never the error's own text (it may hold internals). The server logged the error with its digest.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  const locale = useLocale();
  useEffect(() => {
    if (error.digest) console.error(`[dauys] page error ${error.digest}`);
  }, [error.digest]);
  return (
    <div className="site">
      <header className="site-header">
        <QuickExit />
      </header>
      <main id="main-content" tabIndex={-1} className="site-main page narrow">
        <h1>{t('pageError.title')}</h1>
        <p>{t('pageError.text')}</p>
        <p>
          <button type="button" onClick={reset}>
            {t('pageError.retry')}
          </button>
        </p>
        <p>
          <a href={`/${locale}`}>{t('backHome')}</a>
        </p>
      </main>
    </div>
  );
}
