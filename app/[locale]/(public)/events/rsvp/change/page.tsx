import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findRsvpChangeByToken } from '@/lib/events/find-rsvp-by-token';
import { MailedLinkButton, MailedLinkPage } from '@/app/_components/mailed-link-page';
import { localized } from '@/lib/i18n/localized';
import { EventSlugSchema } from '@/lib/events/schemas';
import { tokenPageMetadata } from '@/lib/security/token-page';
import { readLocale } from '@/lib/validation';
import { applyRsvpChangeAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string; result?: string; event?: string }> };

export const metadata: Metadata = tokenPageMetadata;

const RESULTS = ['confirmed', 'waitlisted', 'guests-unavailable', 'too-many-guests', 'closed'] as const;

/**
 * Landing page of the mailed link that changes an existing RSVP: GET shows the new answer and a
 * button (mail scanners open links); the POST applies it, and only then is the outcome told.
 */
export default async function ChangeRsvpPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const { token, result, event } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'events.change' });
  const eventSlug = EventSlugSchema.safeParse(event);
  const back = (slug: string | undefined) =>
    slug ? <a href={`/${locale}/events/${encodeURIComponent(slug)}`}>{t('back')}</a> : <a href={`/${locale}/events`}>{t('calendar')}</a>;

  const outcome = RESULTS.find((known) => known === result);
  if (outcome) {
    return (
      <MailedLinkPage title={t('title')} done={t(outcome)}>
        <p>{back(eventSlug.success ? eventSlug.data : undefined)}</p>
      </MailedLinkPage>
    );
  }
  const found = result ? null : await findRsvpChangeByToken(token);
  if (!found || !token) {
    return (
      <MailedLinkPage title={t('title')} invalid={t('invalid')}>
        <p>{back(undefined)}</p>
      </MailedLinkPage>
    );
  }
  return (
    <MailedLinkPage title={t('title')}>
      <p className="lead">{t('body', { title: localized(found.rsvp.event.title, locale) })}</p>
      <dl>
        <dt>{t('name')}</dt>
        <dd>{found.change.name}</dd>
        <dt>{t('guests')}</dt>
        <dd>{found.change.guests}</dd>
      </dl>
      <MailedLinkButton action={applyRsvpChangeAction.bind(null, locale)} token={token} label={t('button')} />
      <p>{back(found.rsvp.event.slug)}</p>
    </MailedLinkPage>
  );
}
