import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { requireOrganizer } from '@/lib/auth';
import { localized } from '@/lib/i18n/localized';
import { listModerationQueue } from '@/lib/events/queries';
import { readLocale } from '@/lib/validation';
import { TransitionForm } from '../transition-form';

/** Verified partner submissions, oldest first: approve, open to edit, or reject with a reason. */
export default async function ModerationPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [t, tEvents, format, queue] = await Promise.all([
    getTranslations({ locale, namespace: 'events.console' }),
    getTranslations({ locale, namespace: 'events' }),
    getFormatter({ locale }),
    listModerationQueue(),
  ]);
  return (
    <div className="stack">
      <p>
        <Link href={`/${locale}/console/events`}>{t('back')}</Link>
      </p>
      <h1>{t('moderationTitle')}</h1>
      {queue.length === 0 ? <p>{t('queueEmpty')}</p> : null}
      {queue.map((event) => (
        <article
          key={event.id}
          className="stack"
          aria-labelledby={`submission-${event.id}`}
          style={{ borderTop: '1px solid #d4d4d4', paddingTop: '1rem' }}
        >
          <h2 id={`submission-${event.id}`}>{localized(event.title, locale)}</h2>
          <p>
            {tEvents(`types.${event.type}`)} · {format.dateTime(event.startsAt, 'dateTime')} · {localized(event.city, locale)} ·{' '}
            {localized(event.organiserName, locale)}
          </p>
          <p>{t('submittedBy', { name: event.submitterName ?? '', email: event.submitterEmail ?? '' })}</p>
          <p style={{ whiteSpace: 'pre-line' }}>{localized(event.description, locale)}</p>
          <p>
            <Link href={`/${locale}/console/events/${event.id}`}>{t('openToEdit')}</Link>
          </p>
          <TransitionForm locale={locale} eventId={event.id} transition="publish" submit={t('approve')} />
          <TransitionForm locale={locale} eventId={event.id} transition="reject" />
        </article>
      ))}
    </div>
  );
}
