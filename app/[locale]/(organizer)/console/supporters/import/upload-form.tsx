import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import { uploadImportAction } from './actions';
import { fieldErrorFor } from './field-error';

/**
 * The file upload, a plain multipart form (works without JavaScript): supporters, or with a
 * petition its offline signatures. Used by the import page and the petition's console page.
 */
export async function UploadForm({
  locale,
  petitionId,
  idPrefix,
  error,
}: {
  locale: AppLocale;
  petitionId?: string;
  idPrefix: string;
  /** The refusal of the last upload, shown under the file field. */
  error?: string | null;
}) {
  const t = await getTranslations({ locale, namespace: 'campaigns.imports' });
  const fileError = fieldErrorFor(`${idPrefix}-file`, error, `${idPrefix}-file-hint`);
  return (
    <form action={uploadImportAction.bind(null, locale)} encType="multipart/form-data" className="stack">
      <input type="hidden" name="target" value={petitionId ? 'SIGNATURES' : 'SUPPORTERS'} />
      {petitionId ? <input type="hidden" name="petitionId" value={petitionId} /> : null}
      <div className="field">
        <label htmlFor={`${idPrefix}-file`}>{t('fileLabel')}</label>
        <p id={`${idPrefix}-file-hint`} className="hint">
          {t('fileHint')}
        </p>
        <input id={`${idPrefix}-file`} name="file" type="file" accept=".csv,text/csv" required {...fileError.controlProps} />
        {fileError.message}
      </div>
      <div>
        <button type="submit">{t('uploadSubmit')}</button>
      </div>
    </form>
  );
}
