import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { env } from '@/lib/env';
import { findLatestCaughtMail } from '@/lib/mailbox/queries';
import { readLocale } from '@/lib/validation';
import styles from '../../console.module.css';
import { sendTestMailAction } from './actions';
import { SendTestForm } from './send-test-form';

type Props = { params: Promise<{ locale: string }> };

const SHOWN_MESSAGES = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'mailbox' });
  return { title: t('title') };
}

export default async function MailboxPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  const organizer = await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'mailbox' });
  const sendTest = <SendTestForm action={sendTestMailAction.bind(null, locale)} locale={locale} defaultEmail={organizer.email} />;

  if (!env.MAIL_CATCHER) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice">{t('disabled')}</p>
        {sendTest}
      </>
    );
  }

  const messages = await findLatestCaughtMail(SHOWN_MESSAGES);
  const format = await getFormatter({ locale });
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {messages.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={t('listCaption')}>
          <table>
            <caption>{t('listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.subject')}</th>
                <th scope="col">{t('columns.to')}</th>
                <th scope="col">{t('columns.received')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>
                    <a href={`/${locale}/console/mailbox/${message.id}`}>{message.subject || t('noSubject')}</a>
                  </td>
                  <td>{message.to.join(', ')}</td>
                  <td>
                    <time dateTime={message.receivedAt.toISOString()}>
                      {format.dateTime(message.receivedAt, 'mediumDateTimeWithSeconds')}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sendTest}
    </>
  );
}
