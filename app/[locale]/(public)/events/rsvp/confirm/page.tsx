import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findRsvpByToken } from '@/lib/events/find-rsvp-by-token';
import { MailedLinkButton, MailedLinkPage } from '@/app/_components/mailed-link-page';
import { localized } from '@/lib/i18n/localized';
import { tokenPageMetadata } from '@/lib/security/token-page';
import { readLocale } from '@/lib/validation';
import { confirmRsvpAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string; result?: string }> };

export const metadata: Metadata = tokenPageMetadata;

/** Landing page of the mailed confirmation link: GET shows a button (mail scanners open links); the POST confirms. */
export default async function ConfirmRsvpPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const { token, result } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'events.confirm' });
  const rsvp = await findRsvpByToken(token);
  const back = rsvp ? <a href={`/${locale}/events/${rsvp.event.slug}`}>{t('back')}</a> : <a href={`/${locale}/events`}>{t('calendar')}</a>;

  if (!rsvp || !token || result === 'invalid') {
    return (
      <MailedLinkPage title={t('title')} invalid={t('invalid')}>
        <p>{back}</p>
      </MailedLinkPage>
    );
  }
  if (rsvp.status !== 'PENDING_EMAIL' || result) {
    const key =
      rsvp.status === 'CONFIRMED'
        ? 'confirmed'
        : rsvp.status === 'WAITLISTED'
          ? 'waitlisted'
          : rsvp.status === 'CANCELLED'
            ? 'cancelled'
            : 'closed';
    return (
      <MailedLinkPage title={t('title')} done={t(key)}>
        <p>{back}</p>
      </MailedLinkPage>
    );
  }
  return (
    <MailedLinkPage title={t('title')}>
      <p className="lead">{t('body', { title: localized(rsvp.event.title, locale) })}</p>
      <MailedLinkButton action={confirmRsvpAction.bind(null, locale)} token={token} label={t('button')} />
      <p>{back}</p>
    </MailedLinkPage>
  );
}
