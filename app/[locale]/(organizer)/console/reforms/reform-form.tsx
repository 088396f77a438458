'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { ReformSchema, type ReformData, type ReformInput } from '@/lib/reforms/schemas';
import { LOCALES } from '@/lib/validation';
import type { ConsoleActionResult } from './actions';
import { useErrorText } from '@/app/_components/use-error-text';

type Props = {
  defaults: ReformInput;
  petitions: { id: string; title: string }[];
  action: (input: ReformInput) => Promise<ConsoleActionResult>;
};

export function ReformForm({ defaults, petitions, action }: Props) {
  const t = useTranslations('reforms.console.form');
  const errorText = useErrorText('reforms');
  const [result, setResult] = useState<ConsoleActionResult | null>(null);
  const [isPending, startTransition] = useTransition();
  const { register, handleSubmit, formState: { errors } } = useForm<ReformInput, unknown, ReformData>({ resolver: zodResolver(ReformSchema), defaultValues: defaults });
  const serverErrors = result && !result.ok ? result.fieldErrors : {};
  const errorOf = (path: string, clientKey?: string) => (clientKey ? errorText(clientKey) : serverErrors[path]);
  const field = (id: string, path: string, label: string, clientKey: string | undefined, input: React.ReactNode, hint?: string) => {
    const error = errorOf(path, clientKey);
    return (
      <div className="field" key={id}>
        <label htmlFor={id}>{label}</label>
        {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
        {input}
        {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      </div>
    );
  };
  const aria = (id: string, path: string, clientKey?: string, hint?: boolean) => ({
    'aria-invalid': !!errorOf(path, clientKey),
    'aria-describedby': [hint ? `${id}-hint` : '', errorOf(path, clientKey) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
  });

  return (
    <form className="stack" noValidate onSubmit={handleSubmit((data) => startTransition(async () => setResult(await action(data))))}>
      {result && !result.ok && result.formError ? <p role="alert" className="notice notice-error">{result.formError}</p> : null}
      {result?.ok ? <p role="status" className="notice">{t('saved')}</p> : null}
      {field('reform-slug', 'slug', t('slug'), errors.slug?.message, <input id="reform-slug" {...aria('reform-slug', 'slug', errors.slug?.message, true)} {...register('slug')} />, t('slugHint'))}
      {LOCALES.map((l) =>
        field(`reform-title-${l}`, `title.${l}`, t('title', { locale: l }), errors.title?.[l]?.message,
          <input id={`reform-title-${l}`} lang={l} {...aria(`reform-title-${l}`, `title.${l}`, errors.title?.[l]?.message)} {...register(`title.${l}`)} />),
      )}
      {LOCALES.map((l) =>
        field(`reform-summary-${l}`, `summary.${l}`, t('summary', { locale: l }), errors.summary?.[l]?.message,
          <textarea id={`reform-summary-${l}`} lang={l} rows={5} {...aria(`reform-summary-${l}`, `summary.${l}`, errors.summary?.[l]?.message)} {...register(`summary.${l}`)} />),
      )}
      {field('reform-petition', 'petitionId', t('petition'), errors.petitionId?.message,
        <select id="reform-petition" {...aria('reform-petition', 'petitionId', errors.petitionId?.message)} {...register('petitionId')}>
          <option value="">{t('petitionNone')}</option>
          {petitions.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
        </select>)}
      <div>
        <button type="submit" disabled={isPending}>{t('save')}</button>
      </div>
    </form>
  );
}
