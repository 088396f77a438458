import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireOrganizer } from '@/lib/auth';
import { localized } from '@/lib/i18n/localized';
import { getEventForConsole, listAttendees } from '@/lib/events/queries';
import { readLocale } from '@/lib/validation';
import { checkInAction } from '../../actions';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ q?: string }> };

/** Check-in on the day, made for a phone: search by name, one big button per confirmed attendee. */
export default async function CheckInPage({ params, searchParams }: Props) {
  const { id, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizer(locale);
  const event = await getEventForConsole(id);
  if (!event) notFound();
  const q = (await searchParams).q?.trim().slice(0, 80) || undefined;
  const [t, rows] = await Promise.all([getTranslations({ locale, namespace: 'events.console' }), listAttendees(event.id, organizer, q)]);
  const confirmed = rows.filter((row) => row.status === 'CONFIRMED');
  return (
    <div className="stack">
      <p>
        <Link href={`/${locale}/console/events/${event.id}`}>{t('back')}</Link>
      </p>
      <h1>{t('checkInTitle', { title: localized(event.title, locale) })}</h1>
      <form method="get" role="search" className="button-row">
        <label htmlFor="check-in-q">{t('searchName')}</label>
        <input id="check-in-q" name="q" type="search" defaultValue={q ?? ''} />
        <button type="submit">{t('search')}</button>
      </form>
      <p role="status">{t('checkedIn', { attended: confirmed.filter((row) => row.attendedAt).length, total: confirmed.length })}</p>
      <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
        {confirmed.map((row) => (
          <li key={row.id} style={{ border: '1px solid #d4d4d4', borderRadius: 6, padding: '0.5rem' }}>
            <p style={{ margin: 0 }}>
              <strong>{row.name}</strong>
              {row.guests > 0 ? ` + ${row.guests}` : ''}
            </p>
            <form action={checkInAction.bind(null, locale, event.id)}>
              <input type="hidden" name="rsvpId" value={row.id} />
              <input type="hidden" name="attended" value={row.attendedAt ? 'false' : 'true'} />
              <button
                type="submit"
                className={row.attendedAt ? 'button-secondary' : undefined}
                aria-label={row.attendedAt ? t('undoFor', { name: row.name }) : t('markFor', { name: row.name })}
              >
                {row.attendedAt ? t('undo') : t('mark')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
