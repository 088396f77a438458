import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import { uploadImportAction } from './actions';

/**
 * The file upload, a plain multipart form (works without JavaScript): supporters, or with a
 * petition its offline signatures. Used by the import page and the petition's console page.
 */
export async function UploadForm({ locale, petitionId, idPrefix }: { locale: AppLocale; petitionId?: string; idPrefix: string }) {
  const t = await getTranslations({ locale, namespace: 'campaigns.imports' });
  return (
    <form action={uploadImportAction.bind(null, locale)} encType="multipart/form-data" className="stack">
      <input type="hidden" name="target" value={petitionId ? 'SIGNATURES' : 'SUPPORTERS'} />
      {petitionId ? <input type="hidden" name="petitionId" value={petitionId} /> : null}
      <div className="field">
        <label htmlFor={`${idPrefix}-file`}>{t('fileLabel')}</label>
        <p id={`${idPrefix}-file-hint`} className="hint">
          {t('fileHint')}
        </p>
        <input id={`${idPrefix}-file`} name="file" type="file" accept=".csv,text/csv" required aria-describedby={`${idPrefix}-file-hint`} />
      </div>
      <div>
        <button type="submit">{t('uploadSubmit')}</button>
      </div>
    </form>
  );
}
