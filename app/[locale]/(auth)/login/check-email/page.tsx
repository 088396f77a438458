import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from '@/lib/auth';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'auth.checkEmail' });
  return { title: t('title') };
}

/** Shown for every request, invited address or not, so the page tells nobody who is an organizer. */
export default async function CheckEmailPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'auth.checkEmail' });
  return (
    <section aria-labelledby="check-email-title">
      <h1 id="check-email-title">{t('title')}</h1>
      <p>{t('body', { minutes: SIGN_IN_LINK_MAX_AGE_SECONDS / 60 })}</p>
      <p>{t('notArrived')}</p>
      <p>
        <Link href={`/${locale}/login`}>{t('again')}</Link>
      </p>
    </section>
  );
}
