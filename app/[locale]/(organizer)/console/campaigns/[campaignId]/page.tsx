import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { countRecipientsByStatus, getCampaign, getCampaignProgress, listRecipients, RECIPIENTS_PAGE_SIZE } from '@/lib/campaigns/queries';
import type { CampaignDraftInput } from '@/lib/campaigns/schemas';
import { CampaignRecipientStatus } from '@/lib/generated/prisma/enums';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { readLocale } from '@/lib/validation';
import styles from '../../../console.module.css';
import {
  cancelAction,
  composeCampaignAction,
  pauseAction,
  resumeAction,
  scheduleAction,
  sendNowAction,
  unscheduleAction,
} from '../actions';
import { CampaignForm } from '../campaign-form';
import { audienceChoices } from '../choices';
import { Progress } from '../progress';
import { ScheduleForm } from '../schedule-form';
import campaignStyles from '../campaigns.module.css';

type Props = {
  params: Promise<{ locale: string; campaignId: string }>;
  searchParams: Promise<{ status?: string; page?: string; error?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'campaigns.console' });
  return { title: t('title') };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const { campaignId, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  await requireOrganizer(locale);
  const campaign = await getCampaign(campaignId);
  if (!campaign) notFound();
  const query = await searchParams;
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: 'campaigns.console' }), getFormatter({ locale })]);
  /** A delivery failure reason stored with the recipient, in words when the catalogue knows it. */
  const reasonText = (reason: string) => {
    const key = `reasons.${reason}`;
    return hasMessage(t, key) ? t(key) : reason;
  };
  const hidden = <input type="hidden" name="campaignId" value={campaign.id} />;

  if (campaign.status === 'DRAFT') {
    return (
      <>
        <h1>{campaign.name}</h1>
        <CampaignForm
          action={composeCampaignAction.bind(null, locale, campaign.id)}
          choices={await audienceChoices(locale)}
          initial={
            {
              name: campaign.name,
              subject: campaign.subject,
              body: campaign.body,
              audience: campaign.audience,
              useNeutralSender: campaign.useNeutralSender,
              subjectPrefix: campaign.subjectPrefix ?? '',
            } as CampaignDraftInput
          }
        />
        <section aria-labelledby="send-title" className="stack">
          <h2 id="send-title">{t('sendTitle')}</h2>
          {query.error ? (
            <p className="notice notice-error" role="alert">
              {t(`errors.campaignStateChanged`)}
            </p>
          ) : null}
          <form action={sendNowAction.bind(null, locale)}>
            {hidden}
            <button type="submit">{t('sendNow')}</button>
          </form>
          <ScheduleForm campaignId={campaign.id} action={scheduleAction.bind(null, locale)} />
        </section>
      </>
    );
  }

  const status = Object.values(CampaignRecipientStatus).find((s) => s === query.status);
  const [progress, counts] = await Promise.all([getCampaignProgress(campaign.id), countRecipientsByStatus(campaign.id)]);
  const all = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const shown = status ? (counts[status] ?? 0) : all;
  const pages = Math.max(1, Math.ceil(shown / RECIPIENTS_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Math.floor(Number(query.page)) || 1));
  const recipients = await listRecipients(campaign.id, status, page);
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
  return (
    <>
      <h1>{campaign.name}</h1>
      <p className={campaignStyles.statusLine}>
        {t(`status.${campaign.status}`)}
        {campaign.scheduledAt && campaign.status === 'SCHEDULED' ? ` — ${format.dateTime(campaign.scheduledAt, 'mediumDateTime')}` : null}
      </p>
      {query.error ? (
        <p className="notice notice-error" role="alert">
          {t('errors.campaignStateChanged')}
        </p>
      ) : null}
      <div className={campaignStyles.actions}>
        {campaign.status === 'SENDING' ? (
          <form action={pauseAction.bind(null, locale)}>
            {hidden}
            <button type="submit" className="button-secondary">
              {t('pause')}
            </button>
          </form>
        ) : null}
        {campaign.status === 'PAUSED' ? (
          <form action={resumeAction.bind(null, locale)}>
            {hidden}
            <button type="submit">{t('resume')}</button>
          </form>
        ) : null}
        {campaign.status === 'SCHEDULED' ? (
          <form action={unscheduleAction.bind(null, locale)}>
            {hidden}
            <button type="submit" className="button-secondary">
              {t('unschedule')}
            </button>
          </form>
        ) : null}
        {['SENDING', 'PAUSED', 'SCHEDULED'].includes(campaign.status) ? (
          <form action={cancelAction.bind(null, locale)}>
            {hidden}
            <button type="submit" className="button-danger">
              {t('cancel')}
            </button>
          </form>
        ) : null}
      </div>
      {progress && campaign.status !== 'SCHEDULED' ? <Progress campaignId={campaign.id} initial={progress} /> : null}
      <section aria-labelledby="recipients-title" className="stack">
        <h2 id="recipients-title">{t('recipientsTitle')}</h2>
        <nav aria-label={t('recipientsFilter')}>
          <ul className={`link-row ${campaignStyles.links}`}>
            <li>
              <Link href="?" aria-current={status ? undefined : 'page'}>
                {t('filterOption', { label: t('all'), count: all })}
              </Link>
            </li>
            {Object.values(CampaignRecipientStatus).map((s) => (
              <li key={s}>
                <Link href={`?status=${s}`} aria-current={status === s ? 'page' : undefined}>
                  {t('filterOption', { label: t(`recipientStatus.${s}`), count: counts[s] ?? 0 })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p id="recipients-range">
          {shown === 0
            ? t('noRecipients')
            : t('recipientsRange', {
                from: (page - 1) * RECIPIENTS_PAGE_SIZE + 1,
                to: (page - 1) * RECIPIENTS_PAGE_SIZE + recipients.length,
                total: shown,
              })}
        </p>
        {recipients.length > 0 ? (
          <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="recipients-title recipients-range">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('columns.email')}</th>
                  <th scope="col">{t('columns.status')}</th>
                  <th scope="col">{t('columns.language')}</th>
                  <th scope="col">{t('columns.attempts')}</th>
                  <th scope="col">{t('columns.reason')}</th>
                  <th scope="col">{t('columns.sentAt')}</th>
                </tr>
              </thead>
              <tbody>
                {recipients.map((r) => (
                  <tr key={String(r.id)}>
                    <th scope="row" className={campaignStyles.email}>
                      <Link href={`/${locale}/console/supporters/${r.supporter.id}`}>{r.supporter.email}</Link>
                    </th>
                    <td>{t(`recipientStatus.${r.status}`)}</td>
                    <td>{r.locale}</td>
                    <td>{r.attempts}</td>
                    <td>{r.lastError ? reasonText(r.lastError) : ''}</td>
                    <td>{r.sentAt ? format.dateTime(r.sentAt, 'mediumDateTime') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {pages > 1 ? (
          <nav aria-label={t('recipientPages')}>
            <ul className={`link-row ${campaignStyles.links}`}>
              {page > 1 ? (
                <li>
                  <Link href={pageLink(page - 1)} rel="prev">
                    {t('previous')}
                  </Link>
                </li>
              ) : null}
              {pageNumbersAround(page, pages).map((n, index, list) => (
                <li key={n}>
                  {index > 0 && n - list[index - 1]! > 1 ? <span aria-hidden="true">… </span> : null}
                  <Link href={pageLink(n)} aria-current={n === page ? 'page' : undefined} aria-label={t('pageNumber', { page: n, pages })}>
                    {n}
                  </Link>
                </li>
              ))}
              {page < pages ? (
                <li>
                  <Link href={pageLink(page + 1)} rel="next">
                    {t('next')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </>
  );
}

/** The first and last page and those next to the current one: a pager that stays short on a phone. */
function pageNumbersAround(page: number, pages: number): number[] {
  return [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
}
