import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';

/** Placeholder body for a section that is not built yet, so navigation never leads to a 404. */
export async function ComingSoon({ locale, title }: { locale: AppLocale; title: string }) {
  const t = await getTranslations({ locale, namespace: 'common' });
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p>{t('comingSoon')}</p>
      <p>
        <a href={`/${locale}`}>{t('backHome')}</a>
      </p>
    </div>
  );
}
