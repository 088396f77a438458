'use client';

import { useTranslations } from 'next-intl';
import { Honeypot, useServerForm } from '@/app/_components/form-kit';
import { SubmitEventSchema, type SubmitEventData, type SubmitEventInput } from '@/lib/events/schemas';
import type { SubmitFormState } from './actions';

type Option = { value: string; label: string };
type Props = {
  locale: 'kk' | 'ru' | 'en';
  action: (state: SubmitFormState, formData: FormData) => Promise<SubmitFormState>;
  regions: Option[];
  types: Option[];
  languages: Option[];
};
type Name = keyof SubmitEventInput;

/** The partner form: works with and without JavaScript (app/_components/form-kit.tsx). */
export function SubmitForm({ locale, action, regions, types, languages }: Props) {
  const t = useTranslations('events.submit');
  const { summary, isPending, formProps, textProps, checkboxField, choiceProps, hiddenProps, describedBy, fieldError, submitButton } =
    useServerForm<SubmitEventInput, SubmitEventData>({
      schema: SubmitEventSchema,
      action,
      defaultValues: { locale, languages: [locale], maxGuestsPerRsvp: '2' as unknown as number, website: '' },
      idPrefix: 'submit',
      errorNamespace: 'events',
    });
  const text = (name: Name, options: { type?: string; autoComplete?: string; multiline?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`submit-${name}`}>{t(`fields.${name}`)}</label>
      {options.multiline ? (
        <textarea rows={5} {...textProps(name)} />
      ) : (
        <input type={options.type ?? 'text'} autoComplete={options.autoComplete} {...textProps(name)} />
      )}
      {fieldError(name)}
    </div>
  );
  const select = (name: Name, options: Option[]) => (
    <div className="field">
      <label htmlFor={`submit-${name}`}>{t(`fields.${name}`)}</label>
      <select {...textProps(name)}>
        <option value="">{t('choose')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {fieldError(name)}
    </div>
  );
  return (
    <form {...formProps} className="stack">
      {summary()}
      <input {...hiddenProps('locale')} />
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
      {checkboxField('isOnline', t('fields.isOnline'))}
      {text('onlineUrl', { type: 'url' })}
      {checkboxField('isOnlineLinkPrivate', t('fields.isOnlineLinkPrivate'))}
      <fieldset aria-describedby={describedBy('languages')}>
        <legend>{t('fields.languages')}</legend>
        {languages.map((option) => (
          <div key={option.value} className="check">
            <input {...choiceProps('languages', option.value, 'checkbox')} />
            <label htmlFor={`submit-languages-${option.value}`}>{option.label}</label>
          </div>
        ))}
        {fieldError('languages')}
      </fieldset>
      {text('capacity', { type: 'number' })}
      {text('maxGuestsPerRsvp', { type: 'number' })}
      {text('accessibilityNotes', { multiline: true })}
      {text('organiserName', { autoComplete: 'organization' })}
      {text('submitterName', { autoComplete: 'name' })}
      {text('submitterEmail', { type: 'email', autoComplete: 'email' })}
      <Honeypot id="submit-website" label={t('honeypot')} />
      {checkboxField('consent', t('fields.consent'))}
      {submitButton(isPending ? t('submitting') : t('submit'))}
    </form>
  );
}
