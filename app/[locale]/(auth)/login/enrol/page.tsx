import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { enrolPath, getOrganizerSession, verifyPath } from '@/lib/auth';
import { secondFactorMethods } from '@/lib/auth/second-factor-methods';
import { isFreshSecondFactor } from '@/lib/auth/step-up';
import { pendingTotpEnrolment } from '@/lib/auth/totp';
import { readLocale } from '@/lib/validation';
import { FactorSection, SignOutForm } from '../second-factor-parts';
import { CodeForm } from '../verify/code-form';
import { confirmTotpAction, passkeyCreationOptionsAction, registerPasskeyAction, startTotpAction } from './actions';
import { PasskeyEnrolment } from './passkey-enrolment';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'auth.secondFactor.enrol' });
  return { title: t('title') };
}

/** The setup key in groups of four, as authenticator apps show and people type it. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * Setting up a second factor: when admins require one and the organizer has none yet (the session
 * can go nowhere else), or to add one from the console. Next to an existing factor, only with a
 * fresh check of it (the lib refuses otherwise; the page asks for it first).
 */
export default async function EnrolPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  const session = await getOrganizerSession();
  if (!session) redirect(`/${locale}/login`);
  if (session.hasSecondFactor && !isFreshSecondFactor(session.secondFactorAt)) redirect(verifyPath(locale, enrolPath(locale)));

  const methods = await secondFactorMethods(session.id);
  const pending = methods.totp ? null : await pendingTotpEnrolment(session);
  const t = await getTranslations({ locale, namespace: 'auth.secondFactor' });
  const startTotp = startTotpAction.bind(null, locale);

  return (
    <section aria-labelledby="enrol-title" className="stack">
      <h1 id="enrol-title">{t('enrol.title')}</h1>
      <p>{t('enrol.intro')}</p>
      <ClientMessages paths={['auth.secondFactor', 'errors']}>
        <FactorSection
          id="enrol-passkey"
          heading={t('enrol.passkeyHeading')}
          intro={t('enrol.passkeyIntro')}
          withoutScript={t('enrol.passkeyNoScript')}
        >
          <PasskeyEnrolment
            askOptions={passkeyCreationOptionsAction.bind(null, locale)}
            register={registerPasskeyAction.bind(null, locale)}
          />
        </FactorSection>
        <FactorSection id="enrol-app" heading={t('enrol.appHeading')}>
          {methods.totp ? (
            <p>{t('enrol.appSet')}</p>
          ) : pending ? (
            <>
              <p>{t('enrol.appIntro')}</p>
              <p>{t('enrol.scanStep')}</p>
              {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made per person, nothing to optimise */}
              <img
                src={`data:image/svg+xml;base64,${Buffer.from(pending.qrSvg).toString('base64')}`}
                alt={t('enrol.qrAlt')}
                width={200}
                height={200}
              />
              <p>{t('enrol.secretStep')}</p>
              <p>
                <code data-testid="totp-secret">{grouped(pending.secret)}</code>
              </p>
              <p>{t('enrol.codeStep')}</p>
              <CodeForm
                kind="totp"
                idPrefix="enrol-totp"
                action={confirmTotpAction.bind(null, locale)}
                label={t('codeLabel')}
                hint={t('codeHint')}
                submit={t('enrol.codeSubmit')}
              />
              <form action={startTotp}>
                <button type="submit" className="button-secondary">
                  {t('enrol.appRestart')}
                </button>
              </form>
            </>
          ) : (
            <>
              <p>{t('enrol.appIntro')}</p>
              <form action={startTotp}>
                <button type="submit">{t('enrol.appStart')}</button>
              </form>
            </>
          )}
        </FactorSection>
      </ClientMessages>
      {session.gate === 'open' ? (
        <p>
          <Link href={`/${locale}/console`}>{t('enrol.backToConsole')}</Link>
        </p>
      ) : null}
      <SignOutForm locale={locale} />
    </section>
  );
}
