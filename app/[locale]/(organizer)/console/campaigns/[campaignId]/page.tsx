import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { getCampaign, getCampaignProgress, listRecipients } from '@/lib/campaigns/queries';
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
  const page = Math.max(0, Number(query.page) || 0);
  const [progress, recipients] = await Promise.all([getCampaignProgress(campaign.id), listRecipients(campaign.id, status, page)]);
  return (
    <>
      <h1>{campaign.name}</h1>
      <p>
        {t(`status.${campaign.status}`)}
        {campaign.scheduledAt && campaign.status === 'SCHEDULED' ? ` — ${format.dateTime(campaign.scheduledAt, 'mediumDateTime')}` : null}
      </p>
      {query.error ? (
        <p className="notice notice-error" role="alert">
          {t('errors.campaignStateChanged')}
        </p>
      ) : null}
      <div className="actions">
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
      <section className="stack">
        <h2 id="recipients-title">{t('recipientsTitle')}</h2>
        <nav aria-label={t('recipientsFilter')}>
          <ul className="inline-list">
            <li>
              <Link href={`?`}>{t('all')}</Link>
            </li>
            {Object.values(CampaignRecipientStatus).map((s) => (
              <li key={s}>
                <Link href={`?status=${s}`} aria-current={status === s ? 'page' : undefined}>
                  {t(`recipientStatus.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="recipients-title">
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
                  <th scope="row">
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
        <p>
          {page > 0 ? <Link href={`?${status ? `status=${status}&` : ''}page=${page - 1}`}>{t('previous')}</Link> : null}{' '}
          {recipients.length === 100 ? <Link href={`?${status ? `status=${status}&` : ''}page=${page + 1}`}>{t('next')}</Link> : null}
        </p>
      </section>
    </>
  );
}
