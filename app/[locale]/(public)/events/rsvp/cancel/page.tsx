import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findRsvpByToken } from '@/lib/events/find-rsvp-by-token';
import { MailedLinkButton, MailedLinkPage } from '@/app/_components/mailed-link-page';
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
  const calendar = <a href={`/${locale}/events`}>{t('calendar')}</a>;

  if (result === 'cancelled' || result === 'already-cancelled') {
    return (
      <MailedLinkPage title={t('title')} done={t('done')}>
        <p>{calendar}</p>
      </MailedLinkPage>
    );
  }
  const rsvp = await findRsvpByToken(token);
  if (!rsvp || !token || result === 'invalid') {
    return (
      <MailedLinkPage title={t('title')} invalid={t('invalid')}>
        <p>{calendar}</p>
      </MailedLinkPage>
    );
  }
  if (rsvp.status === 'CANCELLED') {
    return (
      <MailedLinkPage title={t('title')}>
        <p className="notice">{t('done')}</p>
        <p>{calendar}</p>
      </MailedLinkPage>
    );
  }
  return (
    <MailedLinkPage title={t('title')}>
      <p className="lead">{t('body', { title: localized(rsvp.event.title, locale) })}</p>
      <MailedLinkButton action={cancelRsvpAction.bind(null, locale)} token={token} label={t('button')} danger />
      <p>
        <a href={`/${locale}/events/${rsvp.event.slug}`}>{t('keep')}</a>
      </p>
    </MailedLinkPage>
  );
}
