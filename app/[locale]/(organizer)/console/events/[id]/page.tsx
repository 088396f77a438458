import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireOrganizer } from '@/lib/auth';
import { getEventFigures } from '@/lib/events/figures';
import { localized } from '@/lib/i18n/localized';
import { getEventForConsole, listAttendees, listEventCampaigns } from '@/lib/events/queries';
import { readLocale } from '@/lib/validation';
import { EventEditor } from '../event-editor';
import { Figures } from '../figures';
import { TransitionForm } from '../transition-form';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function ConsoleEventPage({ params, searchParams }: Props) {
  const { id, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizer(locale);
  const event = await getEventForConsole(id);
  if (!event) notFound();
  const [t, tEvents, format, campaigns, attendees, figures] = await Promise.all([
    getTranslations({ locale, namespace: 'events.console' }),
    getTranslations({ locale, namespace: 'events' }),
    getFormatter({ locale }),
    listEventCampaigns(),
    listAttendees(event.id, organizer),
    getEventFigures({ eventId: event.id }),
  ]);
  const { saved } = await searchParams;
  let position = 0;
  return (
    <div className="stack">
      <p>
        <Link href={`/${locale}/console/events`}>{t('back')}</Link>
      </p>
      <h1>{localized(event.title, locale)}</h1>
      {saved ? (
        <p role="status" className="notice">
          {t('saved')}
        </p>
      ) : null}
      <p>
        {t('statusLine', { status: tEvents(`status.${event.status}`), sequence: event.sequence })}{' '}
        {event.status !== 'DRAFT' ? <Link href={`/${locale}/events/${event.slug}`}>{t('publicPage')}</Link> : null}
      </p>
      {event.submitterEmail ? <p>{t('submittedBy', { name: event.submitterName ?? '', email: event.submitterEmail })}</p> : null}
      {event.rejectionReason ? <p>{t('rejectedBecause', { reason: event.rejectionReason })}</p> : null}

      <section aria-labelledby="actions-heading" className="stack">
        <h2 id="actions-heading">{t('actions')}</h2>
        {['DRAFT', 'PENDING_REVIEW', 'REJECTED'].includes(event.status) ? (
          <TransitionForm
            locale={locale}
            eventId={event.id}
            transition="publish"
            submit={event.status === 'PENDING_REVIEW' ? t('approve') : undefined}
          />
        ) : null}
        {['PENDING_REVIEW', 'DRAFT'].includes(event.status) ? (
          <TransitionForm locale={locale} eventId={event.id} transition="reject" />
        ) : null}
        {event.status === 'PUBLISHED' ? <TransitionForm locale={locale} eventId={event.id} transition="cancel" /> : null}
      </section>

      <section aria-labelledby="attendees-heading" className="stack">
        <h2 id="attendees-heading">{t('attendees')}</h2>
        <Figures locale={locale} figures={figures} />
        <p className="button-row">
          <a href={`/api/events/${event.slug}/attendees`}>{t('export')}</a>
          <Link href={`/${locale}/console/events/${event.id}/check-in`}>{t('checkIn')}</Link>
        </p>
        <table>
          <caption>{t('attendeesCaption', { count: attendees.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('guests')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('rsvpAt')}</th>
            </tr>
          </thead>
          <tbody>
            {attendees.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{row.guests}</td>
                <td>
                  {tEvents(`rsvpStatus.${row.status}`)}
                  {row.status === 'WAITLISTED' ? ` #${++position}` : ''}
                  {row.attendedAt ? ` ✓ ${t('attended')}` : ''}
                </td>
                <td>{format.dateTime(row.createdAt, 'dateTime')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t('edit')}</h2>
        <EventEditor locale={locale} event={event} campaigns={campaigns.map((c) => ({ id: c.id, label: localized(c.name, locale) }))} />
      </section>
    </div>
  );
}
