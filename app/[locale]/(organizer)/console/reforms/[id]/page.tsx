import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireOrganizer } from '@/lib/auth';
import { getReformForConsole, listPetitionChoices } from '@/lib/reforms/console-queries';
import { localized } from '@/lib/i18n/localized';
import { dateColumnKey, kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { readLocale } from '@/lib/validation';
import { recordStageAction, saveReformAction } from '../actions';
import { AutoRefresh } from '../auto-refresh';
import { ReformForm } from '../reform-form';
import { StageForm } from '../stage-form';

type Props = { params: Promise<{ locale: string; id: string }> };

const asText = (value: unknown) => value as { kk: string; ru: string; en: string };

export default async function ConsoleReformPage({ params }: Props) {
  const { locale: rawLocale, id } = await params;
  const locale = readLocale(rawLocale);
  await requireOrganizer(locale);
  const [t, reform, petitions, format] = await Promise.all([
    getTranslations({ locale, namespace: 'reforms' }),
    getReformForConsole(id),
    listPetitionChoices(),
    getFormatter({ locale }),
  ]);
  if (!reform) notFound();
  const isRunning = reform.stages.some((stage) => !stage.fanOutFinishedAt || (stage.progress?.waiting ?? 0) > 0);
  const today = kazakhstanDateKey(new Date());

  return (
    <div className="stack">
      <h1>{localized(reform.title, locale)}</h1>
      <p>
        <Link href={`/${locale}/reforms/${reform.slug}`}>
          /{locale}/reforms/{reform.slug}
        </Link>{' '}
        · {t(`stages.${reform.currentStage}`)}
      </p>
      <StageForm today={today} action={recordStageAction.bind(null, locale, reform.id)} />

      <section aria-labelledby="fan-out-heading">
        <h2 id="fan-out-heading">{t('console.fanOut.heading')}</h2>
        <AutoRefresh active={isRunning} />
        <div style={{ overflowX: 'auto' }}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.stage.date')}</th>
                <th scope="col">{t('console.stage.stage')}</th>
                <th scope="col">{t('console.fanOut.status')}</th>
                <th scope="col">{t('console.fanOut.recipients')}</th>
                <th scope="col">{t('console.fanOut.delivered')}</th>
                <th scope="col">{t('console.fanOut.waiting')}</th>
                <th scope="col">{t('console.fanOut.skipped')}</th>
                <th scope="col">{t('console.fanOut.failed')}</th>
              </tr>
            </thead>
            <tbody>
              {reform.stages.map((stage) => {
                const p = stage.progress;
                const status =
                  stage.fanOutFinishedAt && !(p && p.waiting > 0) ? 'finished' : stage.fanOutPreparedAt ? 'running' : 'preparing';
                return (
                  <tr key={stage.id} data-stage-id={stage.id}>
                    <td>
                      <time dateTime={dateColumnKey(stage.occurredOn)}>{format.dateTime(stage.occurredOn, 'dateColumn')}</time>
                    </td>
                    <td>{t(`stages.${stage.stage}`)}</td>
                    <td>{t(`console.fanOut.${status}`)}</td>
                    <td>{p?.recipients ?? 0}</td>
                    <td>{p?.delivered ?? 0}</td>
                    <td>{(p?.pending ?? 0) + (p?.waiting ?? 0)}</td>
                    <td>{p?.skipped ?? 0}</td>
                    <td>{p?.failed ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="edit-heading" className="stack">
        <h2 id="edit-heading">{t('console.edit')}</h2>
        <ReformForm
          defaults={{
            slug: reform.slug,
            title: asText(reform.title),
            summary: asText(reform.summary),
            petitionId: reform.petitionId ?? '',
          }}
          petitions={petitions.map((p) => ({ id: p.id, title: localized(p.title, locale) }))}
          action={saveReformAction.bind(null, locale, reform.id)}
        />
      </section>
    </div>
  );
}
