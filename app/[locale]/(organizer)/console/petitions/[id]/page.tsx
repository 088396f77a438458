import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireOrganizer } from '@/lib/auth';
import { findPetitionForEdit, getAbuseFigures, getPetitionFigures } from '@/lib/petitions/figures';
import { localized } from '@/lib/i18n/localized';
import { toKazakhstanDateTime } from '@/lib/time/kazakhstan';
import { readLocale } from '@/lib/validation';
import { savePetitionAction, transitionAction } from '../actions';
import { BarChart } from '../charts';
import { UploadForm } from '../../supporters/import/upload-form';
import { PetitionForm } from '../petition-form';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ problem?: string }> };

const ACTIONS = { DRAFT: ['open'], OPEN: ['close'], CLOSED: ['reopen', 'handOver'], HANDED_OVER: ['respond'], RESPONDED: [] } as const;
const text = (value: unknown) => value as { kk: string; ru: string; en: string };

export default async function ConsolePetitionPage({ params, searchParams }: Props) {
  const { id, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  await requireOrganizer(locale);
  const petition = await findPetitionForEdit(id);
  if (!petition) notFound();
  const [figures, abuse, t, tImports, tCommon, format] = await Promise.all([
    getPetitionFigures(id),
    getAbuseFigures(id),
    getTranslations({ locale, namespace: 'petitions' }),
    getTranslations({ locale, namespace: 'campaigns.imports' }),
    getTranslations({ locale, namespace: 'common' }),
    getFormatter({ locale }),
  ]);
  const total = figures.confirmed + figures.pending;
  const problem = (await searchParams).problem;

  return (
    <div className="stack">
      <h1>{localized(petition.title, locale)}</h1>
      <p>
        <Link href={`/${locale}/petitions/${petition.slug}`}>
          /{locale}/petitions/{petition.slug}
        </Link>
      </p>

      <section aria-labelledby="offline-heading" className="stack">
        <h2 id="offline-heading">{tImports('offline.heading')}</h2>
        <p>{tImports('offline.intro')}</p>
        <p>{tImports('offline.noEmailNote')}</p>
        <UploadForm locale={locale} petitionId={petition.id} idPrefix="offline" />
        <p>
          <Link href={`/${locale}/console/supporters/import?petition=${petition.id}`}>{tImports('recentHeading')}</Link>
        </p>
      </section>

      <section aria-labelledby="figures-heading" className="stack">
        <h2 id="figures-heading">{t('console.figures')}</h2>
        <dl>
          <dt>{t('console.stats.confirmed')}</dt>
          <dd data-testid="confirmed-count">{format.number(figures.confirmed)}</dd>
          <dt>{t('console.stats.online')}</dt>
          <dd>{format.number(figures.confirmed - figures.offline)}</dd>
          <dt>{t('console.stats.offline')}</dt>
          <dd data-testid="offline-count">{format.number(figures.offline)}</dd>
          <dt>{t('console.stats.pending')}</dt>
          <dd>{format.number(figures.pending)}</dd>
          <dt>{t('console.stats.share')}</dt>
          <dd>{format.number(total ? figures.confirmed / total : 0, 'percent')}</dd>
        </dl>
        <p>
          {petition.countCheckedAt
            ? t('console.stats.countCheck', { date: format.dateTime(petition.countCheckedAt, 'dateTime'), drift: petition.countDrift ?? 0 })
            : t('console.stats.countNeverChecked')}
        </p>
        <h3>{t('console.stats.perDay')}</h3>
        {figures.perDay.length ? (
          <>
            <BarChart title={t('console.stats.perDay')} bars={figures.perDay.map((d) => ({ label: d.day, value: d.count }))} />
            <details>
              <summary>{t('console.stats.perDayTable')}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('console.stats.day')}</th>
                    <th scope="col">{t('console.stats.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.perDay.map((d) => (
                    <tr key={d.day}>
                      <td>{d.day}</td>
                      <td>{d.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        ) : (
          <p>{t('console.stats.noData')}</p>
        )}
        <h3>{t('console.stats.perRegion')}</h3>
        <BarChart
          horizontal
          title={t('console.stats.perRegion')}
          bars={figures.perRegion.map((r) => ({ label: tCommon(`regions.${r.region}`), value: r.count }))}
        />
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.stats.region')}</th>
              <th scope="col">{t('console.stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.perRegion.map((r) => (
              <tr key={r.region}>
                <td>{tCommon(`regions.${r.region}`)}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="abuse-heading">
        <h2 id="abuse-heading">{t('console.abuse.title')}</h2>
        <p>{t('console.abuse.flagged', { count: abuse.flagged })}</p>
        {abuse.networks.length ? (
          <>
            <table>
              <caption>{t('console.abuse.topNetworks')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.abuse.network')}</th>
                  <th scope="col">{t('console.abuse.signatures')}</th>
                </tr>
              </thead>
              <tbody>
                {abuse.networks.map((n) => (
                  <tr key={n.network}>
                    <td>{n.network}</td>
                    <td>{n.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>{t('console.abuse.topDomains')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.abuse.domain')}</th>
                  <th scope="col">{t('console.abuse.signatures')}</th>
                </tr>
              </thead>
              <tbody>
                {abuse.domains.map((d) => (
                  <tr key={d.domain}>
                    <td>{d.domain}</td>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>{t('console.abuse.none')}</p>
        )}
      </section>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('console.export.title')}</h2>
        <p>{t('console.export.note')}</p>
        <a className="button" href={`/api/petitions/${petition.slug}/export?lang=${locale}`}>
          {t('console.export.button')}
        </a>
      </section>

      <section aria-labelledby="status-heading" className="stack">
        <h2 id="status-heading">{t('console.lifecycle.title')}</h2>
        <p>{t('console.lifecycle.current', { status: t(`status.${petition.status}`) })}</p>
        {problem ? (
          <p role="alert" className="notice notice-error">
            {t('errors.transitionInvalid')}
          </p>
        ) : null}
        <p className="hint">{t('console.lifecycle.mailNote')}</p>
        {ACTIONS[petition.status].map((action) => (
          <form key={action} action={transitionAction.bind(null, locale, petition.id)} className="stack">
            <input type="hidden" name="action" value={action} />
            {action === 'handOver' || action === 'respond' ? (
              <>
                {(['kk', 'ru', 'en'] as const).map((lang) => (
                  <div className="field" key={lang}>
                    <label htmlFor={`${action}-note-${lang}`}>
                      {t('console.lifecycle.note', { language: t(`console.form.language.${lang}`) })}
                    </label>
                    <textarea id={`${action}-note-${lang}`} name={`note.${lang}`} rows={3} />
                  </div>
                ))}
                <div className="field">
                  <label htmlFor={`${action}-date`}>{t('console.lifecycle.date')}</label>
                  <input id={`${action}-date`} name="date" type="date" />
                </div>
              </>
            ) : null}
            <div>
              <button type="submit">{t(`console.lifecycle.${action}`)}</button>
            </div>
          </form>
        ))}
      </section>

      <section aria-labelledby="edit-heading" className="stack">
        <h2 id="edit-heading">{t('console.edit')}</h2>
        <PetitionForm
          action={savePetitionAction.bind(null, locale, petition.id)}
          defaults={{
            slug: petition.slug,
            title: text(petition.title),
            summary: text(petition.summary),
            body: text(petition.body),
            addressee: text(petition.addressee),
            goal: petition.goal,
            milestones: petition.milestones.join(', '),
            opensAt: petition.opensAt ? toKazakhstanDateTime(petition.opensAt) : '',
            closesAt: petition.closesAt ? toKazakhstanDateTime(petition.closesAt) : '',
          }}
        />
      </section>
    </div>
  );
}
