import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findSignatureByToken } from '@/lib/petitions/find-signature-by-token';
import { MailedLinkButton, MailedLinkPage } from '@/app/_components/mailed-link-page';
import { localized } from '@/lib/i18n/localized';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { tokenPageMetadata } from '@/lib/security/token-page';
import { readLocale } from '@/lib/validation';
import { listReformsOfPetition } from '@/lib/reforms/queries';
import { confirmSignatureAction, followReformAction } from '../actions';

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ token?: string; result?: string; follow?: string }>;
};

export const metadata: Metadata = tokenPageMetadata;

/** Landing page of the mailed link: GET only shows a button (mail scanners open links); the POST confirms. */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const { slug, locale: rawLocale } = await params;
  const { token, result, follow } = await searchParams;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'petitions.confirm' });
  const tPage = await getTranslations({ locale, namespace: 'petitions.checkEmail' });
  const back = <a href={`/${locale}/petitions/${slug}`}>{tPage('back')}</a>;

  if (result === 'confirmed' || result === 'already-confirmed') {
    return (
      <MailedLinkPage title={t('title')} done={result === 'confirmed' ? t('done') : t('already')}>
        <FollowReforms locale={locale} slug={slug} token={token} follow={follow} />
        <p>{back}</p>
      </MailedLinkPage>
    );
  }

  const parsed = MailedTokenSchema.safeParse(token);
  const found = parsed.success ? await findSignatureByToken(parsed.data) : null;
  if (!parsed.success || !found || found.isExpired || result === 'invalid') {
    return (
      <MailedLinkPage title={t('title')} invalid={t('invalid')}>
        <p>{back}</p>
      </MailedLinkPage>
    );
  }

  return (
    <MailedLinkPage title={t('title')}>
      {found.status === 'CONFIRMED' ? (
        <p className="notice">{t('already')}</p>
      ) : (
        <>
          <p className="lead">{t('body', { title: localized(found.petitionTitle, locale) })}</p>
          <MailedLinkButton action={confirmSignatureAction.bind(null, locale, slug)} token={parsed.data} label={t('button')} />
        </>
      )}
      <p>
        <a href={`/${locale}/petitions/${slug}/withdraw?token=${encodeURIComponent(parsed.data)}`}>{t('notMe')}</a>
      </p>
    </MailedLinkPage>
  );
}

/** Signers who opted in to updates can follow the reform this petition asked for, in one click. */
async function FollowReforms({
  locale,
  slug,
  token,
  follow,
}: {
  locale: 'kk' | 'ru' | 'en';
  slug: string;
  token?: string;
  follow?: string;
}) {
  const parsed = MailedTokenSchema.safeParse(token);
  const found = parsed.success ? await findSignatureByToken(parsed.data) : null;
  if (!parsed.success || !found || found.status !== 'CONFIRMED' || !found.wantsUpdates) return null;
  const reforms = await listReformsOfPetition(found.petitionId);
  if (reforms.length === 0) return null;
  const t = await getTranslations({ locale, namespace: 'petitions.confirm' });
  const outcome = follow === 'followed' || follow === 'alreadyFollowing' || follow === 'followFailed' ? follow : null;
  return (
    <section aria-labelledby="follow-heading" className="stack">
      <h2 id="follow-heading">{t('followTitle')}</h2>
      {outcome && (
        <p role="status" className={outcome === 'followFailed' ? 'notice notice-error' : 'notice'}>
          {t(outcome)}
        </p>
      )}
      {reforms.map((reform) => (
        <form key={reform.id} action={followReformAction.bind(null, locale, slug)}>
          <input type="hidden" name="token" value={parsed.data} />
          <input type="hidden" name="reformId" value={reform.id} />
          <button type="submit">{t('followButton', { title: localized(reform.title, locale) })}</button>
        </form>
      ))}
    </section>
  );
}
