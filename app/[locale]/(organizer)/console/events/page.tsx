import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { requireOrganizer } from '@/lib/auth';
import { getEventFigures } from '@/lib/events/figures';
import { localized } from '@/lib/i18n/localized';
import { findCampaign, listConsoleEvents, listModerationQueue } from '@/lib/events/queries';
import { EventStatus } from '@/lib/generated/prisma/enums';
import { readLocale } from '@/lib/validation';
import { Figures } from './figures';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ status?: string; q?: string }> };

export default async function ConsoleEventsPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const query = await searchParams;
  const status = Object.values(EventStatus).find((value) => value === query.status);
  const campaign = await findCampaign();
  const [t, tEvents, format, events, queue, figures] = await Promise.all([
    getTranslations({ locale, namespace: 'events.console' }),
    getTranslations({ locale, namespace: 'events' }),
    getFormatter({ locale }),
    listConsoleEvents({ status, q: query.q?.slice(0, 80) }),
    listModerationQueue(),
    campaign ? getEventFigures({ campaignId: campaign.id }) : null,
  ]);
  const base = `/${locale}/console/events`;
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p className="button-row">
        <Link className="button" href={`${base}/new`}>
          {t('new')}
        </Link>
        <Link href={`${base}/moderation`}>{t('moderation', { count: queue.length })}</Link>
        <Link href={`${base}/campaigns`}>{t('campaigns')}</Link>
      </p>
      {figures && campaign ? (
        <section aria-labelledby="campaign-figures">
          <h2 id="campaign-figures">{t('figuresFor', { name: localized(campaign.name, locale) })}</h2>
          <Figures locale={locale} figures={figures} />
        </section>
      ) : null}
      <form method="get" className="button-row">
        <label htmlFor="events-status">{t('status')}</label>
        <select id="events-status" name="status" defaultValue={status ?? ''}>
          <option value="">{t('all')}</option>
          {Object.values(EventStatus).map((value) => (
            <option key={value} value={value}>
              {tEvents(`status.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor="events-q">{t('search')}</label>
        <input id="events-q" name="q" defaultValue={query.q ?? ''} />
        <button type="submit">{t('filter')}</button>
      </form>
      <table>
        <caption>{t('listCaption', { count: events.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('event')}</th>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('seats')}</th>
            <th scope="col">{t('waitlist')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <Link href={`${base}/${event.id}`}>{localized(event.title, locale)}</Link>
                <br />
                {localized(event.city, locale)}
              </td>
              <td>{format.dateTime(event.startsAt, 'dateTime')}</td>
              <td>{tEvents(`status.${event.status}`)}</td>
              <td>{event.capacity === null ? event.seatsTaken : `${event.seatsTaken} / ${event.capacity}`}</td>
              <td>{event._count.rsvps}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
