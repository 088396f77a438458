import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'console.dashboard' });
  return { title: t('title') };
}

export default async function DashboardPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  const organizer = await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'console.dashboard' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('welcome', { email: organizer.email })}</p>
      <p>{t('placeholder')}</p>
      <ul>
        {organizer.role === 'ADMIN' ? (
          <li>
            <Link href={`/${locale}/console/organizers`}>{t('manageOrganizers')}</Link>
          </li>
        ) : null}
        <li>
          <Link href={`/${locale}/console/audit`}>{t('viewAudit')}</Link>
        </li>
      </ul>
    </>
  );
}
