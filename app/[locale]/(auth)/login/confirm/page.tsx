import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ConfirmSignInSchema } from '@/lib/auth/schemas';
import { readLocale } from '@/lib/validation';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'auth.confirm' });
  // The token is in this page's URL: keep it out of Referer headers, even to our own assets.
  return { title: t('title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/*
 * Where the mailed link lands. Opening it changes nothing (mail scanners open links in advance);
 * the token is consumed only when the person presses the button, which POSTs to /api/auth-confirm.
 * No script submits the form on its own.
 */
export default async function ConfirmSignInPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  const query = await searchParams;
  const parsed = ConfirmSignInSchema.safeParse({
    token: query.token,
    email: query.email,
    callbackUrl: typeof query.callbackUrl === 'string' ? query.callbackUrl : undefined,
  });
  const t = await getTranslations({ locale, namespace: 'auth.confirm' });

  if (!parsed.success) {
    return (
      <section aria-labelledby="confirm-title">
        <h1 id="confirm-title">{t('title')}</h1>
        <p className="notice notice-error">{t('incomplete')}</p>
        <p>
          <Link href={`/${locale}/login`}>{t('requestNew')}</Link>
        </p>
      </section>
    );
  }

  const { token, email, callbackUrl } = parsed.data;
  return (
    <section aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t('title')}</h1>
      <p>{t('body', { email })}</p>
      <form method="post" action="/api/auth-confirm">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <button type="submit">{t('submit')}</button>
      </form>
      <p className="hint">{t('why')}</p>
    </section>
  );
}
