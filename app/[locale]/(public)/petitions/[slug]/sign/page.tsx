import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { localized } from '@/lib/i18n/localized';
import { findPublicPetition, isSignable } from '@/lib/petitions/queries';
import { decodeFlash, FLASH_COOKIE } from '@/lib/petitions/sign-form-flash';
import { readLocale, REGIONS } from '@/lib/validation';
import { SignForm } from '../../sign-form';
import { ClientMessages } from '@/app/_components/client-messages';

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
  const t = await getTranslations({ locale, namespace: 'petitions' });
  const tCommon = await getTranslations({ locale, namespace: 'common' });
  const regions = REGIONS.map((value) => ({ value, label: tCommon(`regions.${value}`) }));
  const hasErrors = flash && Object.keys(flash.errors).length > 0;

  return (
    <div className="page narrow">
      <h1>{t('page.signHeading')}</h1>
      <p className="lead">
        <Link href={`/${locale}/petitions/${slug}`}>{localized(petition.title, locale)}</Link>
      </p>
      {isSignable(petition) ? (
        <>
          {hasErrors ? (
            <p role="alert" className="notice notice-error">
              {t('form.hasErrors')}
            </p>
          ) : null}
          <ClientMessages paths={['petitions.form', 'petitions.errors', 'errors']}>
            <SignForm
              slug={slug}
              locale={locale}
              regions={regions}
              defaults={flash?.values}
              initialErrors={flash?.errors}
              initialFormError={flash?.formError}
            />
          </ClientMessages>
        </>
      ) : (
        <p className="notice">{t('page.closedNotice')}</p>
      )}
    </div>
  );
}
