import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { requireOrganizer } from '@/lib/auth';
import { env } from '@/lib/env';
import { headerLines, linkify, previewDocument } from '@/lib/mailbox/message-parts';
import { findCaughtMailById } from '@/lib/mailbox/queries';
import { readLocale } from '@/lib/validation';
import styles from '../mailbox.module.css';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'mailbox' });
  return { title: t('title') };
}

export default async function CaughtMailPage({ params }: Props) {
  const { locale: rawLocale, id } = await params;
  const locale = readLocale(rawLocale);
  await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'mailbox' });
  const back = <a href={`/${locale}/console/mailbox`}>{t('back')}</a>;

  if (!env.MAIL_CATCHER) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice">{t('disabled')}</p>
      </>
    );
  }
  const mail = await findCaughtMailById(id);
  if (!mail) notFound();

  const format = await getFormatter({ locale });
  return (
    <article className="stack" aria-labelledby="mail-subject">
      <p>{back}</p>
      <h1 id="mail-subject">{mail.subject || t('noSubject')}</h1>
      <dl className={styles.meta}>
        <dt>{t('from')}</dt>
        <dd>{mail.from}</dd>
        <dt>{t('to')}</dt>
        <dd>{mail.to.join(', ')}</dd>
        <dt>{t('received')}</dt>
        <dd>
          <time dateTime={mail.receivedAt.toISOString()}>{format.dateTime(mail.receivedAt, 'mediumDateTimeWithSeconds')}</time>
        </dd>
      </dl>

      <section aria-labelledby="mail-html" className="stack">
        <h2 id="mail-html">{t('htmlPart')}</h2>
        {mail.html ? (
          // No allow-scripts and no allow-same-origin: the message runs nothing and reaches nothing.
          <iframe
            className={styles.preview}
            title={t('htmlFrameTitle')}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            srcDoc={previewDocument(mail.html)}
          />
        ) : (
          <p>{t('noHtml')}</p>
        )}
      </section>

      <section aria-labelledby="mail-text" className="stack">
        <h2 id="mail-text">{t('textPart')}</h2>
        {mail.text ? (
          <pre className={styles.plain} data-testid="mail-text">
            {linkify(mail.text).map((segment, index) =>
              segment.kind === 'link' ? (
                <a key={index} href={segment.href} rel="noopener noreferrer">
                  {segment.text}
                </a>
              ) : (
                segment.text
              ),
            )}
          </pre>
        ) : (
          <p>{t('noText')}</p>
        )}
      </section>

      <section aria-labelledby="mail-headers" className="stack">
        <h2 id="mail-headers">{t('headers')}</h2>
        <pre className={styles.plain}>{headerLines(mail.raw).join('\n')}</pre>
      </section>
    </article>
  );
}
