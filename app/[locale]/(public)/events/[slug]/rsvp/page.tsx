import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string; slug: string }> };

export const metadata: Metadata = { robots: { index: false } };

/**
 * Where the RSVP form lands: one answer for everyone, "check your email". What happened (a place,
 * the waitlist, a change to an earlier answer) is told only behind the mailed link.
 */
export default async function RsvpResultPage({ params }: Props) {
  const { slug, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'events.result' });
  return (
    <div className="page narrow">
      <h1>{t('sent.title')}</h1>
      <p role="status" className="notice">
        {t('sent.body')}
      </p>
      <p>{t('mailNote')}</p>
      <p>
        <a href={`/${locale}/events/${encodeURIComponent(slug)}`}>{t('back')}</a>
      </p>
    </div>
  );
}
