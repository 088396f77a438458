import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { db } from '@/lib/db';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { localized } from '@/lib/i18n/localized';
import { listImports } from '@/lib/imports/queries';
import { readLocale } from '@/lib/validation';
import { UploadForm } from './upload-form';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ petition?: string; error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'campaigns.imports' });
  return { title: t('title') };
}

/** Step 1: the upload (supporters, or with ?petition= a petition's offline signatures), and the earlier imports. */
export default async function ImportsPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const query = await searchParams;
  const petition = query.petition
    ? await db.petition.findUnique({ where: { id: query.petition.slice(0, 40) }, select: { id: true, title: true } })
    : null;
  const [t, format, imports] = await Promise.all([
    getTranslations({ locale, namespace: 'campaigns.imports' }),
    getFormatter({ locale }),
    listImports({ petitionId: petition?.id }),
  ]);
  const errorKey = query.error ? `errors.${query.error}` : null;

  return (
    <>
      <h1>{petition ? t('offline.title', { petition: localized(petition.title, locale) }) : t('title')}</h1>
      <p>{petition ? t('offline.intro') : t('intro')}</p>
      {petition ? (
        <p>
          <Link href={`/${locale}/console/petitions/${petition.id}`}>{t('offline.back')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="upload-heading" className="stack">
        <h2 id="upload-heading">{t('uploadHeading')}</h2>
        <UploadForm
          locale={locale}
          petitionId={petition?.id}
          idPrefix="import"
          error={errorKey ? (hasMessage(t, errorKey) ? t(errorKey) : t('errors.fileNotCsv')) : null}
        />
      </section>
      <section aria-labelledby="imports-heading" className="stack">
        <h2 id="imports-heading">{t('recentHeading')}</h2>
        {imports.length === 0 ? (
          <p>{t('noImports')}</p>
        ) : (
          <ul>
            {imports.map((row) => (
              <li key={row.id}>
                <Link href={`/${locale}/console/supporters/import/${row.id}`}>{row.sourceLabel ?? row.fileName}</Link> —{' '}
                {format.dateTime(row.createdAt, 'mediumDateTime')}, {t('rowsCount', { count: row.totalRows })}, {t(`status.${row.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
