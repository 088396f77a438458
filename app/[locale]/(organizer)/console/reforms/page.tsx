import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { requireOrganizer } from '@/lib/auth';
import { listReformsForConsole } from '@/lib/reforms/console-queries';
import { localized } from '@/lib/i18n/localized';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ locale: string }> };

export default async function ConsoleReformsPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [t, reforms] = await Promise.all([getTranslations({ locale, namespace: 'reforms' }), listReformsForConsole()]);
  return (
    <div className="stack">
      <h1>{t('console.heading')}</h1>
      <p className="button-row">
        <Link className="button" href={`/${locale}/console/reforms/new`}>
          {t('console.new')}
        </Link>
      </p>
      {reforms.length === 0 ? (
        <p>{t('console.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.columns.title')}</th>
              <th scope="col">{t('console.columns.stage')}</th>
              <th scope="col">{t('console.columns.stages')}</th>
              <th scope="col">{t('console.columns.subscribers')}</th>
            </tr>
          </thead>
          <tbody>
            {reforms.map((reform) => (
              <tr key={reform.id}>
                <td>
                  <Link href={`/${locale}/console/reforms/${reform.id}`}>{localized(reform.title, locale)}</Link>
                </td>
                <td>{t(`stages.${reform.currentStage}`)}</td>
                <td>{reform._count.stages}</td>
                <td>
                  {reform.subscribers} (+{reform.allSubscribers})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
