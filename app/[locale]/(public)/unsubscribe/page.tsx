import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { textsFor } from '@/lib/i18n/texts';
import { findUnsubscribeSubject } from '@/lib/unsubscribe/queries';
import { ALL_TOPICS, verifyUnsubscribeToken } from '@/lib/unsubscribe/tokens';
import { readLocale } from '@/lib/validation';
import { unsubscribeAction } from './actions';
import { UNSUBSCRIBE_FORM_TEXTS } from './client-texts';
import { UnsubscribeForm } from './unsubscribe-form';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'unsubscribe' });
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

/** Opening the link (or a mail scanner fetching it) only shows the question; the button unsubscribes. */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const { token } = await searchParams;
  const tokenValue = typeof token === 'string' ? token : '';
  const claim = verifyUnsubscribeToken(tokenValue);
  const t = await getTranslations({ locale, namespace: 'unsubscribe' });

  if (!claim) {
    return (
      <section className="page narrow stack" aria-labelledby="unsubscribe-title">
        <h1 id="unsubscribe-title">{t('invalidTitle')}</h1>
        <p className="notice notice-error">{t('invalidBody')}</p>
      </section>
    );
  }

  const [topics, subject] = await Promise.all([
    getTranslations({ locale, namespace: 'mail.topics' }),
    findUnsubscribeSubject(claim.topic, locale),
  ]);
  const topicLabel = hasMessage(topics, subject.topic) ? topics(subject.topic) : topics('other');
  const isAllTopics = claim.topic === ALL_TOPICS;
  const { reformTitle } = subject;
  return (
    <section className="page narrow stack" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('title')}</h1>
      <UnsubscribeForm
        action={unsubscribeAction.bind(null, locale)}
        token={tokenValue}
        isAllTopics={isAllTopics}
        texts={{
          ...textsFor(t, UNSUBSCRIBE_FORM_TEXTS),
          confirm: isAllTopics
            ? t('confirmAll')
            : reformTitle
              ? t('confirmReform', { reform: reformTitle })
              : t('confirm', { topic: topicLabel }),
          doneTopic: reformTitle ? t('doneReform', { reform: reformTitle }) : t('doneTopic', { topic: topicLabel }),
        }}
      />
    </section>
  );
}
