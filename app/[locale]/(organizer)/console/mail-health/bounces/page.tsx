import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { SOFT_BOUNCE_LIMIT, SOFT_BOUNCE_WINDOW_DAYS } from '@/lib/bounces/record-bounce';
import { campaignBounceTrend, findCampaignsWithBounces, findRecentBounces, findSuppressedAddresses } from '@/lib/bounces/queries';
import { dateColumnValue } from '@/lib/time/kazakhstan';
import { readLocale } from '@/lib/validation';
import { ButtonForm } from '../../../button-form';
import styles from '../../../console.module.css';
import { ScrollingTable } from '../../../scrolling-table';
import { liftSuppressionAction } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ campaign?: string; lifted?: string }> };

const SHOWN_ROWS = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'console.mailHealth.bounces' });
  return { title: t('title') };
}

export default async function BouncesPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const query = await searchParams;
  const [suppressed, bounces, campaigns, t, format] = await Promise.all([
    findSuppressedAddresses(SHOWN_ROWS),
    findRecentBounces(SHOWN_ROWS),
    findCampaignsWithBounces(),
    getTranslations({ locale, namespace: 'console.mailHealth.bounces' }),
    getFormatter({ locale }),
  ]);
  const campaign = campaigns.find((candidate) => candidate.id === query.campaign) ?? campaigns[0];
  const trend = campaign ? await campaignBounceTrend(campaign.id) : [];
  const when = (value: Date) => <time dateTime={value.toISOString()}>{format.dateTime(value, 'mediumDateTime')}</time>;
  const base = `/${locale}/console/mail-health/bounces`;

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro', { limit: SOFT_BOUNCE_LIMIT, days: SOFT_BOUNCE_WINDOW_DAYS })}</p>
      <p>
        <Link href={`/${locale}/console/mail-health`}>{t('back')}</Link>
      </p>
      {query.lifted ? (
        <p className="notice" role="status">
          {t('liftedNotice')}
        </p>
      ) : null}

      <section>
        <h2 id="suppressed-title">{t('suppressedTitle')}</h2>
        {suppressed.length === 0 ? (
          <p>{t('suppressedEmpty')}</p>
        ) : (
          <ScrollingTable
            labelledBy="suppressed-title"
            caption={suppressed.length === SHOWN_ROWS ? t('showing', { count: SHOWN_ROWS }) : null}
            head={[t('columns.to'), t('columns.since'), t('columns.reason'), t('columns.action')]}
          >
            {suppressed.map((row) => (
              <tr key={row.supporterId}>
                <td id={`suppressed-${row.supporterId}`}>{row.to}</td>
                <td>{when(row.bouncedAt)}</td>
                <td>{row.reason ? <code className={styles.details}>{row.reason}</code> : null}</td>
                <td>
                  <ButtonForm
                    action={liftSuppressionAction.bind(null, locale)}
                    name="supporterId"
                    value={row.supporterId}
                    describedBy={`suppressed-${row.supporterId}`}
                  >
                    {t('lift')}
                  </ButtonForm>
                </td>
              </tr>
            ))}
          </ScrollingTable>
        )}
      </section>

      <section>
        <h2 id="bounces-title">{t('bouncesTitle')}</h2>
        {bounces.length === 0 ? (
          <p>{t('bouncesEmpty')}</p>
        ) : (
          <ScrollingTable
            labelledBy="bounces-title"
            caption={bounces.length === SHOWN_ROWS ? t('showing', { count: SHOWN_ROWS }) : null}
            head={[t('columns.received'), t('columns.to'), t('columns.kind'), t('columns.campaign'), t('columns.reason')]}
          >
            {bounces.map((row) => (
              <tr key={row.id}>
                <td>{when(row.createdAt)}</td>
                <td>{row.to ?? t('noSupporter')}</td>
                <td>
                  {t(`kinds.${row.kind}`)}
                  {row.lifted ? ` (${t('liftedMark')})` : null}
                </td>
                <td>{row.campaignName ?? t('transactional')}</td>
                <td>
                  <code className={styles.details}>{row.diagnostic ? `${row.status} ${row.diagnostic}` : row.status}</code>
                </td>
              </tr>
            ))}
          </ScrollingTable>
        )}
      </section>

      <section>
        <h2 id="trend-title">{t('trendTitle')}</h2>
        {!campaign ? (
          <p>{t('trendEmpty')}</p>
        ) : (
          <>
            <form method="get" action={base}>
              <label htmlFor="trend-campaign">{t('trendCampaign')}</label>{' '}
              <select id="trend-campaign" name="campaign" defaultValue={campaign.id}>
                {campaigns.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>{' '}
              <button type="submit">{t('trendShow')}</button>
            </form>
            <ScrollingTable
              labelledBy="trend-title"
              caption={t('trendCaption', { campaign: campaign.name })}
              head={[t('columns.day'), t('kinds.HARD'), t('kinds.SOFT')]}
            >
              {trend.map((day) => (
                <tr key={day.day}>
                  <td>
                    <time dateTime={day.day}>{format.dateTime(dateColumnValue(day.day), 'dateColumn')}</time>
                  </td>
                  <td>{day.hard}</td>
                  <td>{day.soft}</td>
                </tr>
              ))}
            </ScrollingTable>
          </>
        )}
      </section>
    </>
  );
}
