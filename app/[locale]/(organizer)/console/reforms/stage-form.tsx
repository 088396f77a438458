'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useServerForm } from '@/app/_components/form-kit';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';
import { STAGES } from '@/lib/reforms/constants';
import type { RecordStageData, RecordStageInput } from '@/lib/reforms/schemas';
import { LOCALES } from '@/lib/i18n/locales';

type Props = { today: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

export function StageForm({ today, action }: Props) {
  const t = useTranslations('reforms');
  const { state, submitButton, formProps, textProps, fieldError, summary, form } = useServerForm<
    RecordStageInput,
    RecordStageData,
    FormFailure | FormSuccess
  >({
    loadSchema: () => import('@/lib/reforms/schemas').then((module) => module.RecordStageSchema),
    action,
    defaultValues: {
      stage: 'PROPOSED',
      occurredOn: today,
      note: { kk: '', ru: '', en: '' },
      sourceUrl: '',
      sourceLabel: { kk: '', ru: '', en: '' },
    },
    idPrefix: 'stage',
    errorNamespace: 'reforms',
  });

  // A new stage was recorded: the form starts again for the next one (a repeat keeps it, with its notice).
  useEffect(() => {
    if (state?.ok && !state.notice) form.reset();
  }, [state, form]);

  return (
    <form {...formProps} className="stack" aria-labelledby="record-stage-heading">
      <h2 id="record-stage-heading">{t('console.stage.heading')}</h2>
      <p>{t('console.stage.intro')}</p>
      {summary(t('console.stage.recorded'))}
      <div className="field">
        <label htmlFor="stage-stage">{t('console.stage.stage')}</label>
        <select {...textProps('stage')}>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stages.${stage}`)}
            </option>
          ))}
        </select>
        {fieldError('stage')}
      </div>
      <div className="field">
        <label htmlFor="stage-occurredOn">{t('console.stage.date')}</label>
        <input type="date" {...textProps('occurredOn')} />
        {fieldError('occurredOn')}
      </div>
      {LOCALES.map((l) => (
        <div className="field" key={l}>
          <label htmlFor={`stage-note-${l}`}>{t('console.stage.note', { locale: l })}</label>
          <textarea lang={l} rows={3} {...textProps(`note.${l}`)} />
          {fieldError(`note.${l}`)}
        </div>
      ))}
      <div className="field">
        <label htmlFor="stage-sourceUrl">{t('console.stage.sourceUrl')}</label>
        <input type="url" inputMode="url" {...textProps('sourceUrl')} />
        {fieldError('sourceUrl')}
      </div>
      {LOCALES.map((l) => (
        <div className="field" key={l}>
          <label htmlFor={`stage-sourceLabel-${l}`}>{t('console.stage.sourceLabel', { locale: l })}</label>
          <input lang={l} {...textProps(`sourceLabel.${l}`)} />
          {fieldError(`sourceLabel.${l}`)}
        </div>
      ))}
      {submitButton(t('console.stage.submit'))}
    </form>
  );
}
