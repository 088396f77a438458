import { getFormatter, getTranslations } from 'next-intl/server';
import type { CalendarEvent } from '@/lib/events/queries';
import { localized } from '@/lib/i18n/localized';
import type { AppLocale } from '@/lib/i18n/routing';
import styles from './events.module.css';

/** One event in the calendar list: title link, time in Kazakhstan, place, type, seats. */
export async function EventCard({ event, locale }: { event: CalendarEvent; locale: AppLocale }) {
  const [t, tCommon, format] = await Promise.all([
    getTranslations({ locale, namespace: 'events' }),
    getTranslations({ locale, namespace: 'common' }),
    getFormatter({ locale }),
  ]);
  const isCancelled = event.status === 'CANCELLED';
  const seatsLeft = event.capacity === null ? null : Math.max(event.capacity - event.seatsTaken, 0);
  return (
    <li className={`${styles.event} ${isCancelled ? styles.cancelled : ''}`}>
      <h3>
        <a href={`/${locale}/events/${event.slug}`}>{localized(event.title, locale)}</a>
      </h3>
      <p className={styles.meta}>
        <time dateTime={event.startsAt.toISOString()}>{format.dateTime(event.startsAt, 'time')}</time>
        {' · '}
        {event.isOnline ? t('online') : `${localized(event.city, locale)}, ${tCommon(`regions.${event.region}`)}`}
      </p>
      <p>
        <span className={styles.badge}>{t(`types.${event.type}`)}</span>{' '}
        {isCancelled ? (
          <strong>{t('status.cancelled')}</strong>
        ) : seatsLeft === null ? null : seatsLeft > 0 ? (
          t('seatsLeft', { count: seatsLeft })
        ) : (
          t('full')
        )}
      </p>
    </li>
  );
}
