import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { readDiscreetMail } from '@/lib/mailer/discreet-mail';
import { FAILED_SHOWN_DAYS, findMailHealth, STUCK_AFTER_MS, type MailHealthRow } from '@/lib/mailer/mail-health';
import { MAIL_RETRY_POLICY } from '@/lib/mailer/retry-policy';
import { readLocale } from '@/lib/validation';
import styles from '../../console.module.css';
import { setDiscreetMailAction } from './actions';
import { DiscreetMailForm } from './discreet-mail-form';

type Props = { params: Promise<{ locale: string }> };

const SHOWN_ROWS = 100;

type Column = 'queued' | 'to' | 'message' | 'status' | 'tries' | 'lastTry' | 'nextTry' | 'reason';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'console.mailHealth' });
  return { title: t('title') };
}

export default async function MailHealthPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  const organizer = await requireOrganizer(locale);
  const [health, discreetMail, t, format] = await Promise.all([
    findMailHealth({ limit: SHOWN_ROWS }),
    readDiscreetMail(),
    getTranslations({ locale, namespace: 'console.mailHealth' }),
    getFormatter({ locale }),
  ]);
  const when = (value: Date | null) =>
    value ? <time dateTime={value.toISOString()}>{format.dateTime(value, 'mediumDateTime')}</time> : t('notScheduled');
  const minutes = STUCK_AFTER_MS / 60_000;
  const days = FAILED_SHOWN_DAYS;
  const hours = MAIL_RETRY_POLICY.retryForMs / 3600_000;

  const cells: Record<Column, (row: MailHealthRow) => ReactNode> = {
    queued: (row) => when(row.createdAt),
    to: (row) => row.to,
    message: (row) => <code>{row.template}</code>,
    status: (row) => t(`statuses.${row.status}`),
    tries: (row) => row.attempts,
    lastTry: (row) => when(row.lastAttemptAt),
    nextTry: (row) => when(row.nextAttemptAt),
    reason: (row) => (row.reason ? <code className={styles.details}>{row.reason}</code> : null),
  };
  const table = (labelledBy: string, rows: MailHealthRow[], columns: Column[]) => (
    <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table>
        {rows.length === SHOWN_ROWS ? <caption>{t('showing', { count: SHOWN_ROWS })}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) => (
                <td key={column}>{cells[column](row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro', { minutes, days })}</p>
      <p>
        <Link href={`/${locale}/console/mail-health/bounces`}>{t('bouncesLink')}</Link>
      </p>
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
            {table('stuck-title', health.stuck, ['queued', 'to', 'message', 'tries', 'lastTry', 'nextTry', 'reason'])}
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
            {table('failed-title', health.failed, ['queued', 'to', 'message', 'status', 'tries', 'lastTry', 'reason'])}
          </>
        )}
      </section>

      <section aria-labelledby="discreet-title">
        <h2 id="discreet-title">{t('discreet.title')}</h2>
        <p>{t('discreet.explain')}</p>
        <p>
          <strong>{discreetMail.discreet ? t('discreet.on') : t('discreet.off')}</strong>{' '}
          {discreetMail.changedAt
            ? t('discreet.sourceConsole', { date: format.dateTime(discreetMail.changedAt, 'mediumDateTime') })
            : t('discreet.sourceDeployment')}
        </p>
        {organizer.role === 'ADMIN' ? (
          <DiscreetMailForm action={setDiscreetMailAction.bind(null, locale)} discreet={discreetMail.discreet} />
        ) : (
          <p>{t('discreet.adminOnly')}</p>
        )}
      </section>
    </>
  );
}
