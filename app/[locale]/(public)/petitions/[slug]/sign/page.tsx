import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { localized } from '@/lib/i18n/localized';
import { translateFieldErrors } from '@/lib/petitions/field-errors';
import { findPublicPetition, isSignable } from '@/lib/petitions/queries';
import { decodeFlash, FLASH_COOKIE } from '@/lib/petitions/sign-form-flash';
import { readLocale } from '@/lib/validation';
import { signFormTexts } from '../../client-texts';
import { SignForm } from '../../sign-form';

type Props = { params: Promise<{ locale: string; slug: string }> };

export const metadata: Metadata = { robots: { index: false } };

/** The form alone, with the values and errors of a no-JavaScript attempt (never cached: it reads a cookie). */
export default async function SignPage({ params }: Props) {
  const { slug, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const petition = await findPublicPetition(slug);
  if (!petition) notFound();
  const flash = decodeFlash((await cookies()).get(FLASH_COOKIE)?.value);
  const [t, signForm] = await Promise.all([getTranslations({ locale, namespace: 'petitions' }), signFormTexts(locale)]);
  const formErrorKey = flash?.formError ? `form.${flash.formError}` : '';
  const hasErrors = flash && Object.keys(flash.errors).length > 0;

  return (
    <div className="page narrow">
      <h1>{t('page.signHeading')}</h1>
      <p className="lead">
        <a href={`/${locale}/petitions/${slug}`}>{localized(petition.title, locale)}</a>
      </p>
      {isSignable(petition) ? (
        <>
          {hasErrors ? (
            <p role="alert" className="notice notice-error">
              {t('form.hasErrors')}
            </p>
          ) : null}
          <SignForm
            slug={slug}
            locale={locale}
            {...signForm}
            defaults={flash?.values}
            initialErrors={flash ? translateFieldErrors(flash.errors, locale) : undefined}
            initialFormError={hasMessage(t, formErrorKey) ? t(formErrorKey) : undefined}
          />
        </>
      ) : (
        <p className="notice">{t('page.closedNotice')}</p>
      )}
    </div>
  );
}
