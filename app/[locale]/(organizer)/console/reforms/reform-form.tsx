'use client';

import { useTranslations } from 'next-intl';
import { useServerForm } from '@/app/_components/form-kit';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';
import type { ReformData, ReformInput } from '@/lib/reforms/schemas';
import { LOCALES } from '@/lib/i18n/locales';

type Props = {
  defaults: ReformInput;
  petitions: { id: string; title: string }[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

export function ReformForm({ defaults, petitions, action }: Props) {
  const t = useTranslations('reforms.console.form');
  const { submitButton, formProps, textProps, fieldError, summary } = useServerForm<ReformInput, ReformData, FormFailure | FormSuccess>({
    loadSchema: () => import('@/lib/reforms/schemas').then((module) => module.ReformSchema),
    action,
    defaultValues: defaults,
    idPrefix: 'reform',
    errorNamespace: 'reforms',
  });

  return (
    <form {...formProps} className="stack">
      {summary(t('saved'))}
      <div className="field">
        <label htmlFor="reform-slug">{t('slug')}</label>
        <p id="reform-slug-hint" className="hint">
          {t('slugHint')}
        </p>
        <input {...textProps('slug', { hint: true })} />
        {fieldError('slug')}
      </div>
      {LOCALES.map((l) => (
        <div className="field" key={`title-${l}`}>
          <label htmlFor={`reform-title-${l}`}>{t('title', { locale: l })}</label>
          <input lang={l} {...textProps(`title.${l}`)} />
          {fieldError(`title.${l}`)}
        </div>
      ))}
      {LOCALES.map((l) => (
        <div className="field" key={`summary-${l}`}>
          <label htmlFor={`reform-summary-${l}`}>{t('summary', { locale: l })}</label>
          <textarea lang={l} rows={5} {...textProps(`summary.${l}`)} />
          {fieldError(`summary.${l}`)}
        </div>
      ))}
      <div className="field">
        <label htmlFor="reform-petitionId">{t('petition')}</label>
        <select {...textProps('petitionId')}>
          <option value="">{t('petitionNone')}</option>
          {petitions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        {fieldError('petitionId')}
      </div>
      {submitButton(t('save'))}
    </form>
  );
}
