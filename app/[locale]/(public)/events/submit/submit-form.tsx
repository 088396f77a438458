'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useErrorText } from '@/app/_components/use-error-text';
import { startTransition, useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { SubmitEventSchema, type SubmitEventData, type SubmitEventInput } from '@/lib/events/schemas';
import type { SubmitFormState } from './actions';
import styles from '../events.module.css';

type Option = { value: string; label: string };
type Props = {
  locale: 'kk' | 'ru' | 'en';
  action: (state: SubmitFormState, formData: FormData) => Promise<SubmitFormState>;
  regions: Option[];
  types: Option[];
  languages: Option[];
};
type Name = keyof SubmitEventInput;

/** The partner form: same schema on both sides; works without JavaScript through the server action. */
export function SubmitForm({ locale, action, regions, types, languages }: Props) {
  const t = useTranslations('events.submit');
  const message = useErrorText('events');
  const [state, formAction, isPending] = useActionState(action, null);
  const { register, handleSubmit, formState: { errors } } = useForm<SubmitEventInput, unknown, SubmitEventData>({
    resolver: zodResolver(SubmitEventSchema),
    defaultValues: { locale, languages: [locale], maxGuestsPerRsvp: '2' as unknown as number, website: '' },
  });
  const errorFor = (name: Name) => {
    const clientKey = errors[name]?.message;
    return clientKey ? message(String(clientKey)) : state?.fieldErrors[name];
  };
  const aria = (name: Name) => ({ 'aria-invalid': !!errorFor(name), 'aria-describedby': errorFor(name) ? `submit-${name}-error` : undefined });
  const error = (name: Name) => {
    const text = errorFor(name);
    return text ? <p id={`submit-${name}-error`} className="field-error">{text}</p> : null;
  };
  const text = (name: Name, options: { type?: string; autoComplete?: string; multiline?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`submit-${name}`}>{t(`fields.${name}`)}</label>
      {options.multiline ? (
        <textarea id={`submit-${name}`} rows={5} {...aria(name)} {...register(name)} />
      ) : (
        <input id={`submit-${name}`} type={options.type ?? 'text'} autoComplete={options.autoComplete} {...aria(name)} {...register(name)} />
      )}
      {error(name)}
    </div>
  );
  const select = (name: Name, options: Option[]) => (
    <div className="field">
      <label htmlFor={`submit-${name}`}>{t(`fields.${name}`)}</label>
      <select id={`submit-${name}`} {...aria(name)} {...register(name)}>
        <option value="">{t('choose')}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      {error(name)}
    </div>
  );
  const checkbox = (name: Name) => (
    <div className="field">
      <div className={styles.checkbox}>
        <input id={`submit-${name}`} type="checkbox" {...aria(name)} {...register(name)} />
        <label htmlFor={`submit-${name}`}>{t(`fields.${name}`)}</label>
      </div>
      {error(name)}
    </div>
  );

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
      }}
      noValidate
      className="stack"
    >
      {state?.formError ? <p role="alert" className="notice notice-error">{state.formError}</p> : null}
      <input type="hidden" {...register('locale')} />
      {text('title')}
      {text('description', { multiline: true })}
      {select('type', types)}
      {text('startsAt', { type: 'datetime-local' })}
      {text('endsAt', { type: 'datetime-local' })}
      <p className="hint">{t('timeHint')}</p>
      {select('region', regions)}
      {text('city', { autoComplete: 'address-level2' })}
      {text('venue')}
      {text('address', { autoComplete: 'street-address' })}
      {text('mapUrl', { type: 'url' })}
      {checkbox('isOnline')}
      {text('onlineUrl', { type: 'url' })}
      {checkbox('isOnlineLinkPrivate')}
      <fieldset aria-describedby={errorFor('languages') ? 'submit-languages-error' : undefined}>
        <legend>{t('fields.languages')}</legend>
        {languages.map((option) => (
          <div key={option.value} className={styles.checkbox}>
            <input id={`submit-languages-${option.value}`} type="checkbox" value={option.value} {...register('languages')} />
            <label htmlFor={`submit-languages-${option.value}`}>{option.label}</label>
          </div>
        ))}
        {error('languages')}
      </fieldset>
      {text('capacity', { type: 'number' })}
      {text('maxGuestsPerRsvp', { type: 'number' })}
      {text('accessibilityNotes', { multiline: true })}
      {text('organiserName', { autoComplete: 'organization' })}
      {text('submitterName', { autoComplete: 'name' })}
      {text('submitterEmail', { type: 'email', autoComplete: 'email' })}
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor="submit-website">{t('honeypot')}</label>
        <input id="submit-website" tabIndex={-1} autoComplete="off" {...register('website')} />
      </div>
      {checkbox('consent')}
      <div>
        <button type="submit" disabled={isPending}>{isPending ? t('submitting') : t('submit')}</button>
      </div>
    </form>
  );
}
