import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string; slug: string }> };

export const metadata: Metadata = { robots: { index: false } };

/** The same answer for a first signature, a repeat, a blocked address: nothing to learn here. */
export default async function CheckEmailPage({ params }: Props) {
  const { slug, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'petitions.checkEmail' });
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('body')}</p>
      <p>{t('spam')}</p>
      <p>
        <a href={`/${locale}/petitions/${slug}`}>{t('back')}</a>
      </p>
    </div>
  );
}
