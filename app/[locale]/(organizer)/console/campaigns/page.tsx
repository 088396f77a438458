import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { listCampaigns } from '@/lib/campaigns/queries';
import { readLocale } from '@/lib/validation';
import styles from '../../console.module.css';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'campaigns.console' });
  return { title: t('title') };
}

export default async function CampaignsPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [campaigns, t, format] = await Promise.all([
    listCampaigns(),
    getTranslations({ locale, namespace: 'campaigns.console' }),
    getFormatter({ locale }),
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link href={`/${locale}/console/campaigns/new`} className="button">
          {t('new')}
        </Link>
      </p>
      <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={t('title')}>
        <table>
          <caption>{t('listCaption', { count: campaigns.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.recipients')}</th>
              <th scope="col">{t('columns.date')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`/${locale}/console/campaigns/${c.id}`}>{c.name}</Link>
                </th>
                <td>{t(`status.${c.status}`)}</td>
                <td>{c.recipientCount}</td>
                <td>{format.dateTime(c.startedAt ?? c.scheduledAt ?? c.createdAt, 'mediumDateTime')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
