'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useFieldArray, useForm, type FieldError } from 'react-hook-form';
import { useErrorText } from '@/app/_components/use-error-text';
import { MAX_HOTLINES, UpdateHotlinesSchema, type UpdateHotlinesInput } from '@/lib/help/schemas';
import { LOCALES } from '@/lib/i18n/locales';
import type { UpdateHotlinesResult } from './actions';

type Props = {
  action: (input: UpdateHotlinesInput) => Promise<UpdateHotlinesResult>;
  initial: UpdateHotlinesInput['hotlines'];
};

const EMPTY_TEXT = { kk: '', ru: '', en: '' };

export function HotlinesForm({ action, initial }: Props) {
  const t = useTranslations('help.editor');
  const errorText = useErrorText(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [isPending, startTransition] = useTransition();
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm({ resolver: zodResolver(UpdateHotlinesSchema), defaultValues: { hotlines: initial } });
  const { fields, append, remove, move } = useFieldArray({ control, name: 'hotlines' });

  /** Server messages arrive translated; client ones are keys of the `errors` namespace. */
  const errorAt = (path: string): string | undefined => {
    if (serverErrors[path]) return serverErrors[path];
    const error = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], errors) as
      (FieldError & { root?: FieldError }) | undefined;
    const key = error?.message ?? error?.root?.message;
    return key ? errorText(key) : undefined;
  };

  const onSubmit = handleSubmit((values) => {
    setStatus('');
    setServerErrors({});
    startTransition(async () => {
      const result = await action(values);
      if (result.ok) {
        reset(values);
        setStatus(t('saved'));
      } else {
        setServerErrors(result.fieldErrors);
      }
    });
  });

  const listError = errorAt('hotlines');

  return (
    <form onSubmit={onSubmit} noValidate className="stack hotline-editor">
      {fields.map((field, index) => {
        const position = index + 1;
        return (
          <fieldset key={field.id} className="hotline-fieldset">
            <legend>{t('hotline', { position })}</legend>
            <TextField id={`hotline-${index}-number`} label={t('number')} error={errorAt(`hotlines.${index}.number`)}>
              {(props) => <input type="tel" inputMode="tel" {...props} {...register(`hotlines.${index}.number`)} />}
            </TextField>
            {LOCALES.map((lang) => (
              <div key={lang} className="stack" lang={lang}>
                <TextField
                  id={`hotline-${index}-name-${lang}`}
                  label={t('name', { language: t(`languages.${lang}`) })}
                  error={errorAt(`hotlines.${index}.name.${lang}`)}
                >
                  {(props) => <input type="text" {...props} {...register(`hotlines.${index}.name.${lang}`)} />}
                </TextField>
                <TextField
                  id={`hotline-${index}-description-${lang}`}
                  label={t('description', { language: t(`languages.${lang}`) })}
                  error={errorAt(`hotlines.${index}.description.${lang}`)}
                >
                  {(props) => <textarea rows={3} {...props} {...register(`hotlines.${index}.description.${lang}`)} />}
                </TextField>
              </div>
            ))}
            <div className="button-row">
              <button type="button" className="button-secondary" disabled={index === 0} onClick={() => move(index, index - 1)}>
                {t('moveUp', { position })}
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={index === fields.length - 1}
                onClick={() => move(index, index + 1)}
              >
                {t('moveDown', { position })}
              </button>
              <button type="button" className="button-danger" onClick={() => remove(index)}>
                {t('remove', { position })}
              </button>
            </div>
          </fieldset>
        );
      })}

      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          disabled={fields.length >= MAX_HOTLINES}
          onClick={() => append({ number: '', name: { ...EMPTY_TEXT }, description: { ...EMPTY_TEXT } })}
          aria-describedby={listError ? 'hotlines-error' : undefined}
        >
          {t('add')}
        </button>
        <button type="submit" disabled={isPending}>
          {isPending ? t('saving') : t('save')}
        </button>
      </div>
      {listError ? (
        <p id="hotlines-error" className="field-error">
          {listError}
        </p>
      ) : null}
      <p role="status" className="notice">
        {status}
      </p>
    </form>
  );
}

type FieldProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

function TextField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (props: FieldProps) => React.ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
