import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findSubscriptionByToken } from '@/lib/reforms/confirm-subscription';
import { localized } from '@/lib/i18n/localized';
import { tokenPageMetadata } from '@/lib/security/token-page';
import { readLocale } from '@/lib/validation';
import { confirmSubscriptionAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string; result?: string }> };

export const metadata: Metadata = tokenPageMetadata;

/** Landing page of the mailed link: GET only shows a button (mail scanners open links); the POST confirms. */
export default async function ConfirmAlertsPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const { token, result } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'reforms' });
  const subscription = token ? await findSubscriptionByToken(token) : null;

  if (!subscription || result === 'invalid') {
    return (
      <div className="page narrow">
        <h1>{t('confirm.invalidHeading')}</h1>
        <p className="notice notice-error">{t('confirm.invalidBody')}</p>
        <p>
          <a href={`/${locale}/reforms/alerts`}>{t('confirm.again')}</a>
        </p>
      </div>
    );
  }
  const about = subscription.reform
    ? t('confirm.aboutOne', { title: localized(subscription.reform.title, locale) })
    : t('confirm.aboutAll');
  if (result === 'confirmed' || subscription.isConfirmed) {
    return (
      <div className="page narrow">
        <h1>{t('confirm.doneHeading')}</h1>
        <p role="status" className="notice">
          {about} {t(`frequency.${subscription.frequency}`)}
        </p>
        <p>{t('confirm.doneBody')}</p>
        <p>
          <a href={subscription.reform ? `/${locale}/reforms/${subscription.reform.slug}` : `/${locale}/reforms`}>{t('reform.back')}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t('confirm.heading')}</h1>
      <p>
        {about} {t(`frequency.${subscription.frequency}`)}
      </p>
      <form action={confirmSubscriptionAction.bind(null, locale)}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('confirm.button')}</button>
      </form>
    </div>
  );
}
