import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { guessColumns } from '@/lib/imports/guess-columns';
import { previewImport } from '@/lib/imports/preview-import';
import { findImport, openImportFile, type ImportView } from '@/lib/imports/queries';
import { IMPORT_FIELDS, ImportSettingsSchema, type ImportSettings } from '@/lib/imports/schemas';
import { IMPORT_EXPIRED } from '@/lib/retention/apply-retention';
import { retentionPeriods } from '@/lib/retention/periods';
import { readLocale } from '@/lib/validation';
import styles from '../../../../console.module.css';
import { AutoRefresh } from '../../../reforms/auto-refresh';
import { saveImportSettingsAction, startImportAction } from '../actions';
import { fieldErrorFor } from '../field-error';

type Props = {
  params: Promise<{ locale: string; importId: string }>;
  searchParams: Promise<{ edit?: string; error?: string; field?: string; step?: string }>;
};
type T = Awaited<ReturnType<typeof getTranslations<'campaigns.imports'>>>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'campaigns.imports' });
  return { title: t('title') };
}

/** Steps 2 and 3 (mapping, preview) while the file waits, then the run's progress, which survives a reload. */
export default async function ImportPage({ params, searchParams }: Props) {
  const { locale: rawLocale, importId } = await params;
  const locale = readLocale(rawLocale);
  await requireOrganizer(locale);
  const found = await findImport(importId.slice(0, 40));
  if (!found) notFound();
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: 'campaigns.imports' });
  const saved = ImportSettingsSchema.safeParse(found.settings);
  const isMapping = found.status === 'UPLOADED' && (!saved.success || query.edit === '1');
  const errorKey = query.error ? `errors.${query.error}` : null;
  const errorText = errorKey ? (hasMessage(t, errorKey) ? t(errorKey) : t('errors.invalidChoice')) : null;
  // A refusal that names a field of the mapping form is shown beside it; any other above the steps.
  const fieldError =
    isMapping && errorText && query.field && formFields(found.target).includes(query.field)
      ? { field: query.field, text: errorText }
      : null;

  return (
    <>
      <h1>{found.target === 'SIGNATURES' ? t('offline.heading') : t('title')}</h1>
      <p>{t('fileSummary', { file: found.fileName, count: found.totalRows })}</p>
      {found.target === 'SIGNATURES' ? <p>{t('offline.noEmailNote')}</p> : null}
      {errorText && !fieldError ? (
        <p role="alert" className="notice notice-error">
          {errorText}
        </p>
      ) : null}
      {isMapping ? (
        <MappingForm found={found} settings={saved.success ? saved.data : null} locale={locale} t={t} fieldError={fieldError} />
      ) : found.status === 'UPLOADED' && saved.success ? (
        <Preview found={found} settings={saved.data} locale={locale} t={t} />
      ) : (
        <Progress found={found} locale={locale} t={t} />
      )}
    </>
  );
}

/** The columns an import of this kind maps (offline signatures have no consent, tags or language). */
function columnFields(target: ImportView['target']) {
  return IMPORT_FIELDS.filter(
    (field) => !(target === 'SIGNATURES' && (field === 'consentDate' || field === 'tags' || field === 'language')),
  );
}

/** The names of the mapping form's fields, as a refusal names them. */
function formFields(target: ImportView['target']): string[] {
  const columns = columnFields(target).map((field) => `columns.${field}`);
  return target === 'SIGNATURES' ? [...columns, 'sourceLabel'] : [...columns, 'sourceLabel', 'consentBasis', 'consentDate'];
}

function MappingForm({
  found,
  settings,
  locale,
  t,
  fieldError,
}: {
  found: ImportView;
  settings: ImportSettings | null;
  locale: string;
  t: T;
  fieldError: { field: string; text: string } | null;
}) {
  const errorOf = (field: string, controlId: string, hintId?: string) =>
    fieldErrorFor(controlId, fieldError?.field === field ? fieldError.text : null, hintId);
  const sourceLabelError = errorOf('sourceLabel', 'import-sourceLabel', 'import-sourceLabel-hint');
  const consentBasisError = errorOf('consentBasis', 'import-consentBasis');
  const consentDateError = errorOf('consentDate', 'import-consentDate');
  const columns = settings?.columns ?? guessColumns(found.headers);
  const isSignatures = found.target === 'SIGNATURES';
  const fields = columnFields(found.target);
  const consentBasis = settings?.consentBasis ?? (columns.consentDate ? 'COLUMN' : 'NONE');
  return (
    <section aria-labelledby="mapping-heading" className="stack">
      <h2 id="mapping-heading">{t('mappingHeading')}</h2>
      <form action={saveImportSettingsAction.bind(null, locale)} className="stack">
        <input type="hidden" name="importId" value={found.id} />
        {fields.map((field) => {
          const columnError = errorOf(`columns.${field}`, `import-columns-${field}`);
          return (
            <div className="field" key={field}>
              <label htmlFor={`import-columns-${field}`}>{t(`fields.${field}`)}</label>
              <select id={`import-columns-${field}`} name={`columns.${field}`} defaultValue={columns[field]} {...columnError.controlProps}>
                <option value="">{t('noColumn')}</option>
                {found.headers.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </select>
              {columnError.message}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor="import-sourceLabel">{isSignatures ? t('offline.sourceLabel') : t('sourceLabel')}</label>
          <p id="import-sourceLabel-hint" className="hint">
            {isSignatures ? t('offline.sourceHint') : t('sourceHint')}
          </p>
          <input
            id="import-sourceLabel"
            name="sourceLabel"
            type="text"
            required
            maxLength={200}
            defaultValue={settings?.sourceLabel ?? ''}
            {...sourceLabelError.controlProps}
          />
          {sourceLabelError.message}
        </div>
        {isSignatures ? null : (
          <fieldset className="stack" {...consentBasisError.controlProps}>
            <legend>{t('consentLegend')}</legend>
            {consentBasisError.message}
            {(
              [
                ['COLUMN', t('consentColumn')],
                ['ONE_DATE', t('consentOneDate')],
                ['NONE', t('consentNone')],
              ] as const
            ).map(([value, label]) => (
              <div className="check" key={value}>
                <input
                  id={`import-consent-${value}`}
                  type="radio"
                  name="consentBasis"
                  value={value}
                  defaultChecked={consentBasis === value}
                />
                <label htmlFor={`import-consent-${value}`}>{label}</label>
              </div>
            ))}
            <div className="field">
              <label htmlFor="import-consentDate">{t('consentDateLabel')}</label>
              <input
                id="import-consentDate"
                name="consentDate"
                type="date"
                defaultValue={settings?.consentDate ?? ''}
                {...consentDateError.controlProps}
              />
              {consentDateError.message}
            </div>
          </fieldset>
        )}
        <div>
          <button type="submit">{t('check')}</button>
        </div>
      </form>
    </section>
  );
}

async function Preview({ found, settings, locale, t }: { found: ImportView; settings: ImportSettings; locale: string; t: T }) {
  const text = await openImportFile(found.id);
  if (text === null) notFound();
  const preview = await previewImport({ text, target: found.target, petitionId: found.petitionId }, settings);
  const isSignatures = found.target === 'SIGNATURES';
  const counts = {
    total: found.totalRows,
    good: preview.counts.good,
    refused: preview.counts.refused,
    duplicates: preview.counts.duplicatesInFile,
    existing: preview.counts.existing,
  };
  return (
    <section aria-labelledby="preview-heading" className="stack">
      <h2 id="preview-heading">{t('previewHeading')}</h2>
      <p data-testid="preview-counts">{isSignatures ? t('offline.previewCounts', counts) : t('previewCounts', counts)}</p>
      <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="preview-caption">
        <table>
          <caption id="preview-caption">{t('previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rowNumber')}</th>
              {found.headers.map((header) => (
                <th scope="col" key={header}>
                  {header}
                </th>
              ))}
              <th scope="col">{t('problemsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.rowNumber} data-row={row.rowNumber}>
                <th scope="row">{row.rowNumber}</th>
                {found.headers.map((header, index) => (
                  <td key={header}>{row.cells[index] ?? ''}</td>
                ))}
                <td>
                  {row.problems.length > 0
                    ? row.problems.map((problem) => t(`problems.${problem}`)).join('; ')
                    : row.existing
                      ? isSignatures
                        ? t('offline.existingNote')
                        : t('existingNote')
                      : t('noProblem')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form action={startImportAction.bind(null, locale)}>
        <input type="hidden" name="importId" value={found.id} />
        <button type="submit">{t('start')}</button>
      </form>
      <p>
        <Link href={`/${locale}/console/supporters/import/${found.id}?edit=1`}>{t('changeMapping')}</Link>
      </p>
    </section>
  );
}

function Progress({ found, locale, t }: { found: ImportView; locale: string; t: T }) {
  const isRunning = found.status === 'QUEUED' || found.status === 'RUNNING';
  return (
    <section aria-labelledby="progress-heading" className="stack">
      <h2 id="progress-heading">{t('progressHeading')}</h2>
      <AutoRefresh active={isRunning} />
      <label htmlFor="import-progress">{t('progressLabel')}</label>
      <progress id="import-progress" max={Math.max(found.totalRows, 1)} value={found.processedRows} />
      <p role="status" data-testid="import-progress-text">
        {t('progressText', {
          processed: found.processedRows,
          total: found.totalRows,
          imported: found.importedRows,
          merged: found.mergedRows,
          refused: found.refusedRows,
        })}
      </p>
      {isRunning ? (
        <p>
          {t('refreshHint')} <Link href={`/${locale}/console/supporters/import/${found.id}`}>{t('refresh')}</Link>
        </p>
      ) : null}
      {found.status === 'DONE' ? <p className="notice">{t('done')}</p> : null}
      {found.failure === IMPORT_EXPIRED ? (
        <p className="notice">{t('expired', { days: retentionPeriods().importDays })}</p>
      ) : found.failure ? (
        <p role="alert" className="notice notice-error">
          {t('failed', { reason: found.failure })}
        </p>
      ) : null}
      {found._count.refused > 0 && found.status === 'DONE' ? (
        <p>
          <a href={`/api/console/imports/${found.id}/refused?lang=${locale}`} download>
            {t('downloadRefused')}
          </a>{' '}
          {t('refusedKept', { days: retentionPeriods().importDays })}
        </p>
      ) : null}
    </section>
  );
}
