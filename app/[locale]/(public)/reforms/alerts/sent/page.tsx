import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string }> };

export const metadata: Metadata = { robots: { index: false } };

/** The same answer for every address: nothing here tells whether it was known or already subscribed. */
export default async function AlertsSentPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'reforms.sent' });
  return (
    <div className="page narrow">
      <h1>{t('heading')}</h1>
      <p role="status">{t('body')}</p>
      <p>
        <a href={`/${locale}/reforms`}>{t('back')}</a>
      </p>
    </div>
  );
}
