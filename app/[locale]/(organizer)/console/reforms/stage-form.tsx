'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { STAGES } from '@/lib/reforms/constants';
import { RecordStageSchema, type RecordStageData, type RecordStageInput } from '@/lib/reforms/schemas';
import { dateColumnKey } from '@/lib/time/kazakhstan';
import { LOCALES } from '@/lib/validation';
import type { ConsoleActionResult } from './actions';
import { useErrorText } from '@/app/_components/use-error-text';

type Props = { today: string; action: (input: RecordStageInput) => Promise<ConsoleActionResult> };

export function StageForm({ today, action }: Props) {
  const t = useTranslations('reforms');
  const errorText = useErrorText('reforms');
  const [result, setResult] = useState<ConsoleActionResult | null>(null);
  const [isPending, startTransition] = useTransition();
  const empty = { kk: '', ru: '', en: '' };
  const { register, handleSubmit, reset, formState: { errors } } = useForm<RecordStageInput, unknown, RecordStageData>({
    resolver: zodResolver(RecordStageSchema),
    defaultValues: { stage: 'PROPOSED', occurredOn: today, note: empty, sourceUrl: '', sourceLabel: '' },
  });
  const serverErrors = result && !result.ok ? result.fieldErrors : {};
  const errorOf = (path: string, clientKey?: string) => (clientKey ? errorText(clientKey) : serverErrors[path]);
  const aria = (id: string, path: string, clientKey?: string) => ({
    'aria-invalid': !!errorOf(path, clientKey),
    'aria-describedby': errorOf(path, clientKey) ? `${id}-error` : undefined,
  });
  const error = (id: string, path: string, clientKey?: string) => {
    const text = errorOf(path, clientKey);
    return text ? <p id={`${id}-error`} className="field-error">{text}</p> : null;
  };

  const submit = (data: RecordStageData) =>
    startTransition(async () => {
      // Dates travel as YYYY-MM-DD; the schema on the server turns them into days again.
      const outcome = await action({ ...data, occurredOn: dateColumnKey(data.occurredOn), sourceUrl: data.sourceUrl ?? '', sourceLabel: data.sourceLabel ?? '' });
      setResult(outcome);
      if (outcome.ok && !outcome.notice) reset();
    });

  return (
    <form className="stack" noValidate onSubmit={handleSubmit(submit)} aria-labelledby="record-stage-heading">
      <h2 id="record-stage-heading">{t('console.stage.heading')}</h2>
      <p>{t('console.stage.intro')}</p>
      {result && !result.ok && result.formError ? <p role="alert" className="notice notice-error">{result.formError}</p> : null}
      {result?.ok ? <p role="status" className="notice">{result.notice ?? t('console.stage.recorded')}</p> : null}
      <div className="field">
        <label htmlFor="stage-kind">{t('console.stage.stage')}</label>
        <select id="stage-kind" {...aria('stage-kind', 'stage', errors.stage?.message)} {...register('stage')}>
          {STAGES.map((stage) => <option key={stage} value={stage}>{t(`stages.${stage}`)}</option>)}
        </select>
        {error('stage-kind', 'stage', errors.stage?.message)}
      </div>
      <div className="field">
        <label htmlFor="stage-date">{t('console.stage.date')}</label>
        <input id="stage-date" type="date" {...aria('stage-date', 'occurredOn', errors.occurredOn?.message)} {...register('occurredOn')} />
        {error('stage-date', 'occurredOn', errors.occurredOn?.message)}
      </div>
      {LOCALES.map((l) => (
        <div className="field" key={l}>
          <label htmlFor={`stage-note-${l}`}>{t('console.stage.note', { locale: l })}</label>
          <textarea id={`stage-note-${l}`} lang={l} rows={3} {...aria(`stage-note-${l}`, `note.${l}`, errors.note?.[l]?.message)} {...register(`note.${l}`)} />
          {error(`stage-note-${l}`, `note.${l}`, errors.note?.[l]?.message)}
        </div>
      ))}
      <div className="field">
        <label htmlFor="stage-source-url">{t('console.stage.sourceUrl')}</label>
        <input id="stage-source-url" type="url" inputMode="url" {...aria('stage-source-url', 'sourceUrl', errors.sourceUrl?.message)} {...register('sourceUrl')} />
        {error('stage-source-url', 'sourceUrl', errors.sourceUrl?.message)}
      </div>
      <div className="field">
        <label htmlFor="stage-source-label">{t('console.stage.sourceLabel')}</label>
        <input id="stage-source-label" {...aria('stage-source-label', 'sourceLabel', errors.sourceLabel?.message)} {...register('sourceLabel')} />
        {error('stage-source-label', 'sourceLabel', errors.sourceLabel?.message)}
      </div>
      <div>
        <button type="submit" disabled={isPending}>{t('console.stage.submit')}</button>
      </div>
    </form>
  );
}
