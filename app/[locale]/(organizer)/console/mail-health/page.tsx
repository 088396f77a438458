import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { FAILED_SHOWN_DAYS, findMailHealth, STUCK_AFTER_MS, type MailHealthRow } from '@/lib/mailer/mail-health';
import { MAIL_RETRY_POLICY } from '@/lib/mailer/retry-policy';
import { readLocale } from '@/lib/validation';
import styles from '../../console.module.css';

type Props = { params: Promise<{ locale: string }> };

const SHOWN_ROWS = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'console.mailHealth' });
  return { title: t('title') };
}

export default async function MailHealthPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [health, t, format] = await Promise.all([
    findMailHealth({ limit: SHOWN_ROWS }),
    getTranslations({ locale, namespace: 'console.mailHealth' }),
    getFormatter({ locale }),
  ]);
  const when = (value: Date | null) => (value ? <time dateTime={value.toISOString()}>{format.dateTime(value, 'mediumDateTime')}</time> : t('notScheduled'));
  const minutes = STUCK_AFTER_MS / 60_000;
  const days = FAILED_SHOWN_DAYS;
  const hours = MAIL_RETRY_POLICY.retryForMs / 3600_000;

  const reason = (row: MailHealthRow) => (row.reason ? <code className={styles.details}>{row.reason}</code> : null);

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro', { minutes, days })}</p>
      <dl className="figures" aria-label={t('summary.label')}>
        <dt>{t('summary.waiting')}</dt>
        <dd>{health.counts.waiting}</dd>
        <dt>{t('summary.stuck', { minutes })}</dt>
        <dd>{health.counts.stuck}</dd>
        <dt>{t('summary.failed', { days })}</dt>
        <dd>{health.counts.failed}</dd>
        <dt>{t('summary.uncertain', { days })}</dt>
        <dd>{health.counts.uncertain}</dd>
        <dt>{t('summary.sent')}</dt>
        <dd>{health.counts.sentLastDay}</dd>
      </dl>

      <section aria-labelledby="stuck-title">
        <h2 id="stuck-title">{t('stuckTitle')}</h2>
        {health.stuck.length === 0 ? (
          <p>{t('stuckEmpty')}</p>
        ) : (
          <>
            <p>{t('stuckHelp', { hours })}</p>
            <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="stuck-title">
              <table>
                {health.stuck.length === SHOWN_ROWS ? <caption>{t('showing', { count: SHOWN_ROWS })}</caption> : null}
                <thead>
                  <tr>
                    <th scope="col">{t('columns.queued')}</th>
                    <th scope="col">{t('columns.to')}</th>
                    <th scope="col">{t('columns.message')}</th>
                    <th scope="col">{t('columns.tries')}</th>
                    <th scope="col">{t('columns.lastTry')}</th>
                    <th scope="col">{t('columns.nextTry')}</th>
                    <th scope="col">{t('columns.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {health.stuck.map((row) => (
                    <tr key={row.id}>
                      <td>{when(row.createdAt)}</td>
                      <td>{row.to}</td>
                      <td>
                        <code>{row.template}</code>
                      </td>
                      <td>{row.attempts}</td>
                      <td>{when(row.lastAttemptAt)}</td>
                      <td>{when(row.nextAttemptAt)}</td>
                      <td>{reason(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="failed-title">
        <h2 id="failed-title">{t('failedTitle')}</h2>
        {health.failed.length === 0 ? (
          <p>{t('failedEmpty', { days })}</p>
        ) : (
          <>
            <ul>
              <li>{t('statusHelp.FAILED', { hours })}</li>
              <li>{t('statusHelp.UNCERTAIN')}</li>
            </ul>
            <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="failed-title">
              <table>
                {health.failed.length === SHOWN_ROWS ? <caption>{t('showing', { count: SHOWN_ROWS })}</caption> : null}
                <thead>
                  <tr>
                    <th scope="col">{t('columns.queued')}</th>
                    <th scope="col">{t('columns.to')}</th>
                    <th scope="col">{t('columns.message')}</th>
                    <th scope="col">{t('columns.status')}</th>
                    <th scope="col">{t('columns.tries')}</th>
                    <th scope="col">{t('columns.lastTry')}</th>
                    <th scope="col">{t('columns.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {health.failed.map((row) => (
                    <tr key={row.id}>
                      <td>{when(row.createdAt)}</td>
                      <td>{row.to}</td>
                      <td>
                        <code>{row.template}</code>
                      </td>
                      <td>{t(`statuses.${row.status}`)}</td>
                      <td>{row.attempts}</td>
                      <td>{when(row.lastAttemptAt)}</td>
                      <td>{reason(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
