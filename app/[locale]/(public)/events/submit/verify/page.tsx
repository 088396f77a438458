import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { localized } from '@/lib/i18n/localized';
import { findSubmissionByToken } from '@/lib/events/verify-submission';
import { tokenPageMetadata } from '@/lib/security/token-page';
import { readLocale } from '@/lib/validation';
import { verifySubmissionAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string; result?: string }> };

export const metadata: Metadata = tokenPageMetadata;

/** "Check your email" after submitting, and the landing page of the verify link (its button POSTs). */
export default async function VerifySubmissionPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const { token, result } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'events.verify' });
  const calendar = <a href={`/${locale}/events`}>{t('calendar')}</a>;
  const simple = (key: 'sent' | 'verified' | 'invalid', isError = false) => (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p role="status" className={isError ? 'notice notice-error' : 'notice'}>
        {t(key)}
      </p>
      <p>{calendar}</p>
    </div>
  );
  if (result === 'sent') return simple('sent');
  if (result === 'verified' || result === 'already-verified') return simple('verified');
  const submission = await findSubmissionByToken(token);
  if (!submission || result === 'invalid') return simple('invalid', true);
  if (submission.submitterVerifiedAt) return simple('verified');
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('body', { title: localized(submission.title, locale) })}</p>
      <form action={verifySubmissionAction.bind(null, locale)}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('button')}</button>
      </form>
    </div>
  );
}
