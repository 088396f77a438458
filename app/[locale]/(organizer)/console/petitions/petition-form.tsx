'use client';

import { useTranslations } from 'next-intl';
import type { Path } from 'react-hook-form';
import { useServerForm } from '@/app/_components/form-kit';
import type { PetitionFormData, PetitionFormInput } from '@/lib/petitions/schemas';
import { LOCALES } from '@/lib/i18n/locales';
import type { PetitionFormState } from './actions';

type Props = { defaults: PetitionFormInput; action: (state: PetitionFormState, formData: FormData) => Promise<PetitionFormState> };

export function PetitionForm({ defaults, action }: Props) {
  const t = useTranslations('petitions.console.form');
  const { submitButton, summary, formProps, textProps, fieldError } = useServerForm<PetitionFormInput, PetitionFormData>({
    loadSchema: () => import('@/lib/petitions/schemas').then((module) => module.PetitionFormSchema),
    action,
    defaultValues: defaults,
    idPrefix: 'petition',
    errorNamespace: 'petitions',
  });
  const field = (
    name: Path<PetitionFormInput>,
    label: string,
    { rows, type = 'text', hint }: { rows?: number; type?: string; hint?: string } = {},
  ) => {
    const props = textProps(name, { hint: !!hint });
    return (
      <div className="field" key={name}>
        <label htmlFor={props.id}>{label}</label>
        {hint ? (
          <p id={`${props.id}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        {rows ? <textarea rows={rows} {...props} /> : <input type={type} {...props} />}
        {fieldError(name)}
      </div>
    );
  };

  return (
    <form {...formProps} className="stack">
      {summary()}
      {field('slug', t('slug'), { hint: t('slugHint') })}
      {LOCALES.map((lang) => (
        <fieldset key={lang}>
          <legend>{t(`language.${lang}`)}</legend>
          {field(`title.${lang}`, t('title'))}
          {field(`summary.${lang}`, t('summary'), { rows: 3 })}
          {field(`body.${lang}`, t('body'), { rows: 10 })}
          {field(`addressee.${lang}`, t('addressee'))}
        </fieldset>
      ))}
      {field('goal', t('goal'), { type: 'number' })}
      {field('milestones', t('milestones'), { hint: t('milestonesHint') })}
      {field('opensAt', t('opensAt'), { type: 'datetime-local' })}
      {field('closesAt', t('closesAt'), { type: 'datetime-local' })}
      {submitButton(t('save'))}
    </form>
  );
}
