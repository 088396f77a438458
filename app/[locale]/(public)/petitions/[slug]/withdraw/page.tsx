import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findSignatureByToken } from '@/lib/petitions/find-signature-by-token';
import { localized } from '@/lib/i18n/localized';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { tokenPageMetadata } from '@/lib/security/token-page';
import { readLocale } from '@/lib/validation';
import { withdrawSignatureAction } from '../actions';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<{ token?: string; result?: string }> };

export const metadata: Metadata = tokenPageMetadata;

/** "It wasn't me" and later withdrawal: the GET shows what will be removed; the button's POST removes it. */
export default async function WithdrawPage({ params, searchParams }: Props) {
  const { slug, locale: rawLocale } = await params;
  const { token, result } = await searchParams;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'petitions.withdraw' });

  if (result === 'withdrawn') {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p role="status" className="notice">
          {t('done')}
        </p>
      </div>
    );
  }
  const parsed = MailedTokenSchema.safeParse(token);
  const found = parsed.success ? await findSignatureByToken(parsed.data) : null;
  if (!parsed.success || !found || result === 'invalid') {
    return (
      <div className="page narrow">
        <h1>{t('title')}</h1>
        <p className="notice notice-error">{t('invalid')}</p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('body', { title: localized(found.petitionTitle, locale) })}</p>
      <form action={withdrawSignatureAction.bind(null, locale, slug)}>
        <input type="hidden" name="token" value={parsed.data} />
        <button type="submit" className="button-danger">
          {t('button')}
        </button>
      </form>
    </div>
  );
}
