import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { findLatestAuditEntries } from '@/lib/audit';
import { requireOrganizer } from '@/lib/auth';
import { readLocale } from '@/lib/validation';
import styles from '../../console.module.css';

type Props = { params: Promise<{ locale: string }> };

const SHOWN_ENTRIES = 200;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'console.audit' });
  return { title: t('title') };
}

export default async function AuditPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [entries, t, format] = await Promise.all([
    findLatestAuditEntries(SHOWN_ENTRIES),
    getTranslations({ locale, namespace: 'console.audit' }),
    getFormatter({ locale }),
  ]);

  return (
    <>
      <h1>{t('title')}</h1>
      {entries.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={t('title')}>
          <table>
            <caption>{t('intro', { count: SHOWN_ENTRIES })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.when')}</th>
                <th scope="col">{t('columns.who')}</th>
                <th scope="col">{t('columns.action')}</th>
                <th scope="col">{t('columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, 'mediumDateTimeWithSeconds')}</time>
                  </td>
                  <td>{entry.actorEmail ?? t('system')}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.details ? <code className={styles.details}>{JSON.stringify(entry.details)}</code> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
