import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import Link from 'next/link';
import { LocaleSchema } from '@/lib/validation';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<{ result?: string }> };

export const metadata: Metadata = { robots: { index: false } };

const RESULTS = ['confirmed', 'waitlisted', 'pending-email', 'guests-unavailable'] as const;

/** Where the RSVP form lands: what happened, and that a mail is on its way. */
export default async function RsvpResultPage({ params, searchParams }: Props) {
  const { slug, locale: rawLocale } = await params;
  const locale = LocaleSchema.catch('kk').parse(rawLocale);
  setRequestLocale(locale);
  const { result } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'events.result' });
  const kind = (RESULTS as readonly string[]).includes(result ?? '') ? (result as (typeof RESULTS)[number]) : 'confirmed';
  return (
    <div className="page narrow">
      <h1>{t(`${kind}.title`)}</h1>
      <p role="status" className="notice">
        {t(`${kind}.body`)}
      </p>
      <p>{t('mailNote')}</p>
      <p>
        <Link href={`/${locale}/events/${encodeURIComponent(slug)}`}>{t('back')}</Link>
      </p>
    </div>
  );
}
