import { getTranslations } from 'next-intl/server';
import type { EventFigures } from '@/lib/events/figures';
import type { AppLocale } from '@/lib/i18n/routing';

/** RSVPs per day, per region and the attendance rate, as plain tables (readable by screen readers). */
export async function Figures({ locale, figures }: { locale: AppLocale; figures: EventFigures }) {
  const [t, tCommon] = await Promise.all([
    getTranslations({ locale, namespace: 'events.console' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  return (
    <div className="stack">
      <p>
        {t('totals', { confirmed: figures.confirmed, waitlisted: figures.waitlisted, attended: figures.attended })}{' '}
        {figures.attendanceRate === null ? t('noAttendanceYet') : t('attendanceRate', { rate: Math.round(figures.attendanceRate * 100) })}
      </p>
      <details>
        <summary>{t('perDay')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('day')}</th>
              <th scope="col">{t('rsvps')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.rsvpsPerDay.map((row) => (
              <tr key={row.day}>
                <td>{row.day}</td>
                <td>{row.rsvps}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <details>
        <summary>{t('perRegion')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('region')}</th>
              <th scope="col">{t('events')}</th>
              <th scope="col">{t('confirmed')}</th>
              <th scope="col">{t('seats')}</th>
              <th scope="col">{t('waitlist')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.perRegion.map((row) => (
              <tr key={row.region}>
                <td>{tCommon(`regions.${row.region}`)}</td>
                <td>{row.events}</td>
                <td>{row.confirmed}</td>
                <td>{row.seats}</td>
                <td>{row.waitlisted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
