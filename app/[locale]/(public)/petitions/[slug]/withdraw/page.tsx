import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findSignatureByToken } from '@/lib/petitions/find-signature-by-token';
import { MailedLinkButton, MailedLinkPage } from '@/app/_components/mailed-link-page';
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

  if (result === 'withdrawn') return <MailedLinkPage title={t('title')} done={t('done')} />;
  const parsed = MailedTokenSchema.safeParse(token);
  const found = parsed.success ? await findSignatureByToken(parsed.data) : null;
  if (!parsed.success || !found || result === 'invalid') return <MailedLinkPage title={t('title')} invalid={t('invalid')} />;
  return (
    <MailedLinkPage title={t('title')}>
      <p className="lead">{t('body', { title: localized(found.petitionTitle, locale) })}</p>
      <MailedLinkButton action={withdrawSignatureAction.bind(null, locale, slug)} token={parsed.data} label={t('button')} danger />
    </MailedLinkPage>
  );
}
