import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { enrolPath, getOrganizerSession } from '@/lib/auth';
import { secondFactorReturnPath } from '@/lib/auth/return-path';
import { secondFactorMethods } from '@/lib/auth/second-factor-methods';
import { isFreshSecondFactor } from '@/lib/auth/step-up';
import { readLocale } from '@/lib/validation';
import { passkeyOptionsAction, recoveryCodeAction, verifyPasskeyAction, verifyTotpAction } from './actions';
import { FactorSection, SignOutForm } from '../second-factor-parts';
import { CodeForm } from './code-form';
import { PasskeyCheck } from './passkey-check';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'auth.secondFactor.verify' });
  return { title: t('title') };
}

/**
 * "Confirm it's you": after the mailed link when the organizer has a second factor, and before a
 * dangerous act when the session's factor is older than the step-up window. `next` says where to
 * go back to; only this site's console, its downloads and enrolment are accepted.
 */
export default async function VerifyPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  const session = await getOrganizerSession();
  if (!session) redirect(`/${locale}/login`);
  const next = secondFactorReturnPath(locale, (await searchParams).next);
  if (session.gate === 'open' && isFreshSecondFactor(session.secondFactorAt)) redirect(next);

  const methods = await secondFactorMethods(session.id);
  const t = await getTranslations({ locale, namespace: 'auth.secondFactor' });
  return (
    <section aria-labelledby="verify-title" className="stack">
      <h1 id="verify-title">{t('verify.title')}</h1>
      {session.hasSecondFactor ? (
        <p>{t('verify.intro')}</p>
      ) : (
        <>
          <p className="notice">{t('verify.noFactor')}</p>
          <p>
            <Link href={enrolPath(locale)}>{t('verify.setUp')}</Link>
          </p>
        </>
      )}
      <ClientMessages paths={['auth.secondFactor', 'errors']}>
        {methods.passkeys > 0 ? (
          <FactorSection
            id="verify-passkey"
            heading={t('verify.passkeyHeading')}
            intro={t('verify.passkeyIntro')}
            withoutScript={t('verify.passkeyNoScript')}
          >
            <PasskeyCheck askOptions={passkeyOptionsAction.bind(null, locale)} check={verifyPasskeyAction.bind(null, locale, next)} />
          </FactorSection>
        ) : null}
        {methods.totp ? (
          <FactorSection id="verify-app" heading={t('verify.appHeading')}>
            <CodeForm
              kind="totp"
              action={verifyTotpAction.bind(null, locale, next)}
              label={t('codeLabel')}
              hint={t('codeHint')}
              submit={t('verify.codeSubmit')}
            />
          </FactorSection>
        ) : null}
        {methods.recoveryCodes > 0 ? (
          <FactorSection id="verify-recovery" heading={t('verify.recoveryHeading')} intro={t('verify.recoveryIntro')}>
            <CodeForm
              kind="recovery"
              action={recoveryCodeAction.bind(null, locale, next)}
              label={t('verify.recoveryLabel')}
              hint={t('verify.recoveryHint')}
              submit={t('verify.recoverySubmit')}
            />
          </FactorSection>
        ) : null}
      </ClientMessages>
      {session.hasSecondFactor ? <p className="hint">{t('verify.lost')}</p> : null}
      <SignOutForm locale={locale} />
    </section>
  );
}
