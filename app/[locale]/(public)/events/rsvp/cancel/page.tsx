import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import Link from 'next/link';
import { findRsvpByToken } from '@/lib/events/find-rsvp-by-token';
import { localized } from '@/lib/i18n/localized';
import { tokenPageMetadata } from '@/lib/security/token-page';
import { readLocale } from '@/lib/validation';
import { cancelRsvpAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string; result?: string }> };

export const metadata: Metadata = tokenPageMetadata;

/** Landing page of the mailed cancel link: GET asks, the button's POST cancels (and promotes the waitlist). */
export default async function CancelRsvpPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const { token, result } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'events.cancel' });
  const calendar = <Link href={`/${locale}/events`}>{t('calendar')}</Link>;

  if (result === 'cancelled' || result === 'already-cancelled') {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p role="status" className="notice">
          {t('done')}
        </p>
        <p>{calendar}</p>
      </div>
    );
  }
  const rsvp = await findRsvpByToken(token);
  if (!rsvp || result === 'invalid') {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p className="notice notice-error">{t('invalid')}</p>
        <p>{calendar}</p>
      </div>
    );
  }
  if (rsvp.status === 'CANCELLED') {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p className="notice">{t('done')}</p>
        <p>{calendar}</p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('body', { title: localized(rsvp.event.title, locale) })}</p>
      <form action={cancelRsvpAction.bind(null, locale)}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button-danger">
          {t('button')}
        </button>
      </form>
      <p>
        <Link href={`/${locale}/events/${rsvp.event.slug}`}>{t('keep')}</Link>
      </p>
    </div>
  );
}
