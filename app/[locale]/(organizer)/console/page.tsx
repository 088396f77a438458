import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { DASHBOARD_DAYS, getDashboard, NEAR_MILESTONE_SHARE } from '@/lib/dashboard/get-dashboard';
import { localized } from '@/lib/i18n/localized';
import { dateColumnValue } from '@/lib/time/kazakhstan';
import { readLocale } from '@/lib/validation';
import { ScrollingTable } from '../scrolling-table';
import dashboard from './dashboard.module.css';
import { CONFIRMED_COLOUR, PENDING_COLOUR, SignaturesChart } from './signatures-chart';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'console.dashboard' });
  return { title: t('title') };
}

/**
 * A table that scrolls sideways inside the page on a narrow phone. The sections are not landmarks
 * (no name), so this region, named by the section's heading, is the only one with that name.
 */

export default async function DashboardPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  const organizer = await requireOrganizer(locale);
  const [data, t, tStages, tCampaigns, format] = await Promise.all([
    getDashboard(new Date()),
    getTranslations({ locale, namespace: 'console.dashboard' }),
    getTranslations({ locale, namespace: 'reforms.stages' }),
    getTranslations({ locale, namespace: 'campaigns.console.status' }),
    getFormatter({ locale }),
  ]);
  const days = DASHBOARD_DAYS;
  const consoleHref = `/${locale}/console`;
  const nearMark = data.petitions.filter((petition) => petition.isNearMark);

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('welcome', { email: organizer.email })}</p>
      <div className={dashboard.sections}>
        <section className={dashboard.wide}>
          <h2 id="signatures-title">{t('petitions.title')}</h2>
          {data.petitions.length === 0 ? (
            <p>{t('petitions.empty')}</p>
          ) : (
            <>
              <p>{t('petitions.intro', { days })}</p>
              <ul className={dashboard.legend}>
                <li>
                  <span className={dashboard.swatch} style={{ background: CONFIRMED_COLOUR }} aria-hidden="true" />
                  {t('petitions.legendConfirmed')}
                </li>
                <li>
                  <span className={dashboard.swatch} style={{ background: PENDING_COLOUR }} aria-hidden="true" />
                  {t('petitions.legendPending')}
                </li>
              </ul>
              <ul className={dashboard.petitions}>
                {data.petitions.map((petition) => (
                  <li key={petition.id} className="card">
                    <h3>
                      <Link href={`${consoleHref}/petitions/${petition.id}`}>{localized(petition.title, locale)}</Link>
                    </h3>
                    <p>{t('petitions.today', petition.today)}</p>
                    <p>{t('petitions.fortnight', { days, ...petition.fortnight })}</p>
                    <p>{t('petitions.total', { confirmed: petition.confirmed, goal: petition.goal })}</p>
                    <SignaturesChart days={petition.days} label={t('petitions.chart', { days, ...petition.fortnight })} />
                    <details>
                      <summary>{t('petitions.perDay')}</summary>
                      <table className={dashboard.dayTable}>
                        <thead>
                          <tr>
                            <th scope="col">{t('petitions.day')}</th>
                            <th scope="col">{t('petitions.confirmed')}</th>
                            <th scope="col">{t('petitions.pending')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {petition.days.map((day) => (
                            <tr key={day.day}>
                              <th scope="row">
                                <time dateTime={day.day}>{format.dateTime(dateColumnValue(day.day), 'dateColumnWithoutYear')}</time>
                              </th>
                              <td>{day.confirmed}</td>
                              <td>{day.pending}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section>
          <h2 id="milestones-title">{t('milestones.title')}</h2>
          <p>{t('milestones.intro', { percent: Math.round(NEAR_MILESTONE_SHARE * 100) })}</p>
          {nearMark.length === 0 ? (
            <p>{t('milestones.empty')}</p>
          ) : (
            <ul>
              {nearMark.map((petition) => (
                <li key={petition.id}>
                  <Link href={`${consoleHref}/petitions/${petition.id}`}>{localized(petition.title, locale)}</Link>
                  {': '}
                  {t(petition.nextMark?.isGoal ? 'milestones.goal' : 'milestones.milestone', {
                    confirmed: petition.confirmed,
                    mark: petition.nextMark?.value ?? petition.goal,
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section>
          <h2 id="mail-title">{t('mail.title')}</h2>
          <p>{t('mail.summary', data.mail)}</p>
          <p>
            <Link href={`${consoleHref}/mail-health`}>{t('mail.link')}</Link>
          </p>
        </section>

        <section>
          <h2 id="events-title">{t('events.title')}</h2>
          <p>
            {t('events.moderation', { count: data.awaitingModeration })}{' '}
            {data.awaitingModeration > 0 ? <Link href={`${consoleHref}/events/moderation`}>{t('events.moderationLink')}</Link> : null}
          </p>
          {data.events.length === 0 ? (
            <p>{t('events.empty')}</p>
          ) : (
            <ScrollingTable
              labelledBy="events-title"
              head={[t('events.event'), t('events.starts'), t('events.seats'), t('events.waitlist')]}
            >
              {data.events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <Link href={`${consoleHref}/events/${event.id}`}>{localized(event.title, locale)}</Link>
                  </td>
                  <td>
                    <time dateTime={event.startsAt.toISOString()}>{format.dateTime(event.startsAt, 'mediumDateTime')}</time>
                  </td>
                  <td>
                    {event.capacity === null
                      ? t('events.noLimit', { taken: event.seatsTaken })
                      : t('events.seatsOf', { taken: event.seatsTaken, capacity: event.capacity })}
                  </td>
                  <td>{event.waitlisted}</td>
                </tr>
              ))}
            </ScrollingTable>
          )}
        </section>

        <section>
          <h2 id="campaigns-title">{t('campaigns.title')}</h2>
          {data.campaigns.length === 0 ? (
            <p>{t('campaigns.empty')}</p>
          ) : (
            <ScrollingTable labelledBy="campaigns-title" head={[t('campaigns.campaign'), t('campaigns.status'), t('campaigns.progress')]}>
              {data.campaigns.map((campaign) => {
                const sentOf = t('campaigns.sentOf', { sent: campaign.sent, recipients: campaign.recipients });
                return (
                  <tr key={campaign.id}>
                    <td>
                      <Link href={`${consoleHref}/campaigns/${campaign.id}`}>{campaign.name}</Link>
                    </td>
                    <td>
                      {tCampaigns(campaign.status)}
                      {campaign.status === 'SCHEDULED' && campaign.scheduledAt ? (
                        <>
                          <br />
                          {t('campaigns.scheduledFor', { date: format.dateTime(campaign.scheduledAt, 'mediumDateTime') })}
                        </>
                      ) : null}
                    </td>
                    <td>
                      <progress max={Math.max(campaign.recipients, 1)} value={campaign.sent} aria-label={`${campaign.name}: ${sentOf}`} />
                      <br />
                      {sentOf}
                      {campaign.failed > 0 ? (
                        <>
                          <br />
                          {t('campaigns.failed', { failed: campaign.failed })}
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </ScrollingTable>
          )}
        </section>

        <section>
          <h2 id="stages-title">{t('stages.title')}</h2>
          {data.stages.length === 0 ? (
            <p>{t('stages.empty')}</p>
          ) : (
            <ScrollingTable labelledBy="stages-title" head={[t('stages.reform'), t('stages.stage'), t('stages.date')]}>
              {data.stages.map((stage) => (
                <tr key={stage.id}>
                  <td>
                    <Link href={`${consoleHref}/reforms/${stage.reformId}`}>{localized(stage.reformTitle, locale)}</Link>
                  </td>
                  <td>{tStages(stage.stage)}</td>
                  <td>
                    <time dateTime={stage.occurredOn}>{format.dateTime(dateColumnValue(stage.occurredOn), 'dateColumn')}</time>
                  </td>
                </tr>
              ))}
            </ScrollingTable>
          )}
        </section>
      </div>

      <ul>
        {organizer.role === 'ADMIN' ? (
          <li>
            <Link href={`${consoleHref}/organizers`}>{t('manageOrganizers')}</Link>
          </li>
        ) : null}
        <li>
          <Link href={`${consoleHref}/audit`}>{t('viewAudit')}</Link>
        </li>
      </ul>
    </>
  );
}
