import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { requireOrganizer } from '@/lib/auth';
import { findConsolePetitions } from '@/lib/petitions/figures';
import { localized } from '@/lib/i18n/localized';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string }> };

export default async function ConsolePetitionsPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'petitions' });
  const petitions = await findConsolePetitions();
  return (
    <div className="stack">
      <h1>{t('console.title')}</h1>
      <p className="button-row">
        <Link className="button" href={`/${locale}/console/petitions/new`}>
          {t('console.new')}
        </Link>
        <Link className="button button-secondary" href={`/${locale}/console/petitions/blocklist`}>
          {t('console.blocklist.title')}
        </Link>
      </p>
      {petitions.length === 0 ? (
        <p>{t('console.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.columns.title')}</th>
              <th scope="col">{t('console.columns.status')}</th>
              <th scope="col">{t('console.columns.confirmed')}</th>
              <th scope="col">{t('console.columns.pending')}</th>
              <th scope="col">{t('console.columns.goal')}</th>
            </tr>
          </thead>
          <tbody>
            {petitions.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/${locale}/console/petitions/${p.id}`}>{localized(p.title, locale)}</Link>
                </td>
                <td>{t(`status.${p.status}`)}</td>
                <td>{p.confirmed}</td>
                <td>{p.pending}</td>
                <td>{p.goal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
