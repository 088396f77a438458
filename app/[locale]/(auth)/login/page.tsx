import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getOrganizer } from '@/lib/auth';
import { readLocale } from '@/lib/validation';
import { requestSignInLinkAction } from './actions';
import { LoginForm } from './login-form';
import { ClientMessages } from '@/app/_components/client-messages';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ error?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'auth.login' });
  return { title: t('title') };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  const { error } = await searchParams;
  if (await getOrganizer()) redirect(`/${locale}/console`);

  const t = await getTranslations({ locale, namespace: 'auth.login' });
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('title')}</h1>
      {error ? (
        <p className="notice notice-error" role="alert">
          {t('linkProblem')}
        </p>
      ) : null}
      <p>{t('intro')}</p>
      <ClientMessages paths={['auth.login', 'errors']}>
        <LoginForm action={requestSignInLinkAction.bind(null, locale)} />
      </ClientMessages>
    </section>
  );
}
