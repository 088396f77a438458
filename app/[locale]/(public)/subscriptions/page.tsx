import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isAppError } from '@/lib/errors';
import { getPreferences, type Preferences } from '@/lib/supporters/manage-preferences';
import { MANAGEABLE_TOPICS } from '@/lib/supporters/schemas';
import { readLocale } from '@/lib/validation';
import { savePreferencesAction } from './actions';
import { LocaleOptions } from '@/app/_components/locale-options';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'campaigns.subscriptions' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** "Manage my subscriptions", reached from the footer of any mail with its unsubscribe token. */
export default async function SubscriptionsPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const [t, tTopics, tLang] = await Promise.all([
    getTranslations({ locale, namespace: 'campaigns.subscriptions' }),
    getTranslations({ locale, namespace: 'mail.topics' }),
    getTranslations({ locale, namespace: 'campaigns.console.languages' }),
  ]);
  let preferences: Preferences | null = null;
  try {
    preferences = await getPreferences(token);
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  if (!preferences) {
    return (
      <section className="page narrow stack" aria-labelledby="subscriptions-title">
        <h1 id="subscriptions-title">{t('title')}</h1>
        <p className="notice notice-error">{t('invalid')}</p>
      </section>
    );
  }
  return (
    <section className="page narrow stack" aria-labelledby="subscriptions-title">
      <h1 id="subscriptions-title">{t('title')}</h1>
      {query.saved ? (
        <p className="notice" role="status">
          {t('saved')}
        </p>
      ) : null}
      {query.error ? (
        <p className="notice notice-error" role="alert">
          {t('error')}
        </p>
      ) : null}
      <form action={savePreferencesAction.bind(null, locale)} className="stack">
        <input type="hidden" name="token" value={token} />
        <fieldset className="stack">
          <legend>{t('topicsLegend')}</legend>
          {MANAGEABLE_TOPICS.map((topic) => (
            <label key={topic}>
              <input type="checkbox" name={`topic-${topic}`} defaultChecked={preferences.subscribed[topic]} />{' '}
              {t(`topics.${topic}`, { name: tTopics(topic) })}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="subscriptions-language">{t('languageLabel')}</label>
          <select id="subscriptions-language" name="language" defaultValue={preferences.locale}>
            <LocaleOptions name={(l) => tLang(l)} />
          </select>
        </div>
        <button type="submit">{t('save')}</button>
      </form>
      <p>
        <a href={`/${locale}/unsubscribe?token=${encodeURIComponent(token)}`}>{t('unsubscribeAll')}</a>
      </p>
    </section>
  );
}
