'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useErrorText } from '@/app/_components/use-error-text';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { PetitionFormSchema, type PetitionFormData, type PetitionFormInput } from '@/lib/petitions/schemas';
import type { FieldErrors } from '@/lib/validation';
import { savePetitionAction } from './actions';

const LANGS = ['kk', 'ru', 'en'] as const;

export function PetitionForm({ locale, id, defaults }: { locale: string; id?: string; defaults: PetitionFormInput }) {
  const t = useTranslations('petitions.console.form');
  const message = useErrorText('petitions');
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const { register, handleSubmit, formState, getValues } = useForm<PetitionFormInput, unknown, PetitionFormData>({
    resolver: zodResolver(PetitionFormSchema),
    defaultValues: defaults,
  });
  const errorAt = (path: string): string | undefined => {
    const parts = path.split('.');
    let node: unknown = formState.errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    const key = (node as { message?: string } | undefined)?.message;
    return key ? message(key) : serverErrors[path];
  };
  const field = (path: string, label: string, kind: 'input' | 'textarea' = 'input', hint?: string, type = 'text') => {
    const error = errorAt(path);
    const id = path.replace('.', '-');
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const props = { id, 'aria-invalid': !!error, 'aria-describedby': described, ...register(path as never) };
    return (
      <div className="field" key={path}>
        <label htmlFor={id}>{label}</label>
        {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
        {kind === 'textarea' ? <textarea rows={path.startsWith('body') ? 10 : 3} {...props} /> : <input type={type} {...props} />}
        {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      </div>
    );
  };

  const onSubmit = handleSubmit(async () => {
    // The raw input goes to the server, which parses it again with the same schema.
    const result = await savePetitionAction(locale, id, getValues());
    if (result && !result.ok) setServerErrors(result.fieldErrors);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {field('slug', t('slug'), 'input', t('slugHint'))}
      {LANGS.map((lang) => (
        <fieldset key={lang}>
          <legend>{t(`language.${lang}`)}</legend>
          {field(`title.${lang}`, t('title'))}
          {field(`summary.${lang}`, t('summary'), 'textarea')}
          {field(`body.${lang}`, t('body'), 'textarea')}
          {field(`addressee.${lang}`, t('addressee'))}
        </fieldset>
      ))}
      {field('goal', t('goal'), 'input', undefined, 'number')}
      {field('milestones', t('milestones'), 'input', t('milestonesHint'))}
      {field('opensAt', t('opensAt'), 'input', undefined, 'datetime-local')}
      {field('closesAt', t('closesAt'), 'input', undefined, 'datetime-local')}
      <div>
        <button type="submit" disabled={formState.isSubmitting}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
