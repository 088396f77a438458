'use client';

import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import type { AppLocale } from '@/lib/i18n/routing';
import { PAGE_ERROR_TEXTS } from './page-error-texts';

/*
 * What a person sees instead of a page that failed, below the header of its layout (with the Quick
 * exit): in their language, and never the error's own text (it may hold internals). The server logged
 * the error with its digest. The `error.tsx` of each layout group renders it; a failing layout itself
 * falls to app/global-error.tsx.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const language: AppLocale = Object.hasOwn(PAGE_ERROR_TEXTS, locale) ? (locale as AppLocale) : 'kk';
  const t = PAGE_ERROR_TEXTS[language];
  useEffect(() => {
    if (error.digest) console.error(`[dauys] page error ${error.digest}`);
  }, [error.digest]);
  return (
    <div className="page narrow">
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <p>
        <button type="button" onClick={reset}>
          {t.retry}
        </button>
      </p>
      <p>
        <a href={`/${language}`}>{t.backHome}</a>
      </p>
    </div>
  );
}
