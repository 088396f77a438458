import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { eventLocation } from '@/lib/events/ical';
import { errorTexts } from '@/lib/events/field-errors';
import { eventIcsUrl, eventPageUrl, googleCalendarUrl, outlookCalendarUrl } from '@/lib/events/links';
import { localized } from '@/lib/i18n/localized';
import { findPublicEvent } from '@/lib/events/queries';
import { formatEventWhen } from '@/lib/events/rsvp-mail-props';
import { LOCALE_NAMES } from '@/lib/i18n/routing';
import { textsFor } from '@/lib/i18n/texts';
import { readLocale } from '@/lib/validation';
import { RSVP_FORM_TEXTS } from '../client-texts';
import styles from '../events.module.css';
import { rsvpAction } from './actions';
import { RsvpForm } from './rsvp-form';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const event = await findPublicEvent(slug);
  if (!event) return {};
  return { title: localized(event.title, locale), description: localized(event.description, locale).slice(0, 200) };
}

export default async function EventPage({ params }: Props) {
  const { slug, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const event = await findPublicEvent(slug);
  if (!event) notFound();
  const [t, tCommon, tRsvp] = await Promise.all([
    getTranslations({ locale, namespace: 'events' }),
    getTranslations({ locale, namespace: 'common' }),
    getTranslations({ locale, namespace: 'events.rsvp' }),
  ]);
  const title = localized(event.title, locale);
  const where = eventLocation(event, locale, t('online'));
  const entry = { title, details: eventPageUrl(locale, event.slug), location: where, startsAt: event.startsAt, endsAt: event.endsAt };
  const seatsLeft = event.capacity === null ? null : Math.max(event.capacity - event.seatsTaken, 0);
  const isCancelled = event.status === 'CANCELLED';
  const isOver = event.endsAt <= new Date();
  const accessibility = event.accessibilityNotes ? localized(event.accessibilityNotes, locale) : '';

  return (
    <article className="page narrow">
      <p>
        <a href={`/${locale}/events`}>{t('event.back')}</a>
      </p>
      <h1>{title}</h1>
      {isCancelled ? (
        <p className="notice notice-error" role="status">
          {t('event.cancelledNotice')} {event.cancellationNote ?? ''}
        </p>
      ) : null}
      <dl className={styles.details}>
        <dt>{t('event.when')}</dt>
        <dd>
          <time dateTime={event.startsAt.toISOString()}>{formatEventWhen(event, locale)}</time>
        </dd>
        <dt>{t('event.where')}</dt>
        <dd>
          {event.isOnline ? (
            event.onlineUrl && !event.isOnlineLinkPrivate ? (
              <a href={event.onlineUrl} rel="noopener noreferrer">
                {t('event.joinOnline')}
              </a>
            ) : (
              t('event.onlinePrivate')
            )
          ) : (
            <>
              {where}
              {event.mapUrl ? (
                <>
                  {' '}
                  (
                  <a href={event.mapUrl} rel="noopener noreferrer">
                    {t('event.map')}
                  </a>
                  )
                </>
              ) : null}
            </>
          )}
        </dd>
        <dt>{t('event.region')}</dt>
        <dd>{tCommon(`regions.${event.region}`)}</dd>
        <dt>{t('event.type')}</dt>
        <dd>{t(`types.${event.type}`)}</dd>
        <dt>{t('event.organiser')}</dt>
        <dd>{localized(event.organiserName, locale)}</dd>
        <dt>{t('event.languages')}</dt>
        <dd>{event.languages.map((lang) => LOCALE_NAMES[lang]).join(', ')}</dd>
        <dt>{t('event.capacity')}</dt>
        <dd>
          {event.capacity === null ? t('event.noLimit') : t('event.capacityValue', { capacity: event.capacity, left: seatsLeft ?? 0 })}
        </dd>
        {accessibility ? (
          <>
            <dt>{t('event.accessibility')}</dt>
            <dd>{accessibility}</dd>
          </>
        ) : null}
      </dl>
      <div style={{ whiteSpace: 'pre-line' }}>{localized(event.description, locale)}</div>

      {!isCancelled ? (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{t('event.addToCalendar')}</h2>
          <ul>
            <li>
              <a href={eventIcsUrl(event.slug, locale)}>{t('event.ics')}</a>
            </li>
            <li>
              <a href={googleCalendarUrl(entry)} rel="noopener noreferrer">
                Google Calendar
              </a>
            </li>
            <li>
              <a href={outlookCalendarUrl(entry)} rel="noopener noreferrer">
                Outlook
              </a>
            </li>
          </ul>
        </section>
      ) : null}

      {!isCancelled && !isOver ? (
        <section aria-labelledby="rsvp-heading">
          <h2 id="rsvp-heading">{t('rsvp.title')}</h2>
          {seatsLeft === 0 ? <p className="notice">{t('rsvp.fullNotice')}</p> : null}
          <p>{t('rsvp.introConfirm')}</p>
          <RsvpForm
            locale={locale}
            maxGuests={event.maxGuestsPerRsvp}
            isFull={seatsLeft === 0}
            action={rsvpAction.bind(null, locale, event.slug)}
            texts={{ ...textsFor(tRsvp, RSVP_FORM_TEXTS), guestsHint: tRsvp('guestsHint', { max: event.maxGuestsPerRsvp }) }}
            errorTexts={errorTexts(locale)}
          />
        </section>
      ) : null}
    </article>
  );
}
