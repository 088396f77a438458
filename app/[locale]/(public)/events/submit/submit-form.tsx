'use client';

import type { Path } from 'react-hook-form';
import { Honeypot } from '@/app/_components/form-fields';
import { useLazyServerForm } from '@/app/_components/lazy-server-form';
import type { SubmitEventData, SubmitEventInput } from '@/lib/events/schemas';
import type { ErrorTexts } from '@/lib/i18n/field-errors';
import type { SUBMIT_FORM_FIELDS, SUBMIT_FORM_TEXTS } from '../client-texts';
import type { SubmitFormState } from './actions';

type Option = { value: string; label: string };
type Props = {
  locale: 'kk' | 'ru' | 'en';
  action: (state: SubmitFormState, formData: FormData) => Promise<SubmitFormState>;
  regions: Option[];
  types: Option[];
  languages: Option[];
  /** `events.submit`'s texts (SUBMIT_FORM_TEXTS), `.fields` (SUBMIT_FORM_FIELDS), and `errorTexts` of lib/events/field-errors.ts. */
  texts: Record<(typeof SUBMIT_FORM_TEXTS)[number], string>;
  fieldLabels: Record<Name, string>;
  errorTexts: ErrorTexts;
};
type Name = (typeof SUBMIT_FORM_FIELDS)[number];
type PlaceName = 'city' | 'venue' | 'address' | 'organiserName';

/** The partner form: works with and without JavaScript (app/_components/form-kit.tsx). */
export function SubmitForm({ locale, action, regions, types, languages, texts, fieldLabels, errorTexts }: Props) {
  const { summary, isPending, formProps, textProps, checkboxField, choiceProps, hiddenProps, describedBy, fieldError, submitButton } =
    useLazyServerForm<SubmitEventInput, SubmitEventData>({
      loadSchema: () => import('@/lib/events/schemas').then((module) => module.SubmitEventSchema),
      action,
      defaultValues: { locale, languages: [locale], maxGuestsPerRsvp: '2' as unknown as number, website: '' },
      idPrefix: 'submit',
      errorTexts,
    });
  const text = (name: Name, options: { type?: string; autoComplete?: string; multiline?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`submit-${name}`}>{fieldLabels[name]}</label>
      {options.multiline ? (
        <textarea rows={5} {...textProps(name)} />
      ) : (
        <input type={options.type ?? 'text'} autoComplete={options.autoComplete} {...textProps(name)} />
      )}
      {fieldError(name)}
    </div>
  );
  // A place or the organisation in each language: a partner fills the one they write in, or more.
  const inEachLanguage = (name: PlaceName, autoComplete?: string) => (
    <fieldset aria-describedby={[`submit-${name}-hint`, describedBy(name)].filter(Boolean).join(' ')}>
      <legend>{fieldLabels[name]}</legend>
      <p id={`submit-${name}-hint`} className="hint">
        {texts.inEachLanguage}
      </p>
      {languages.map((language) => {
        const field = `${name}.${language.value}` as Path<SubmitEventInput>;
        return (
          <div key={language.value} className="field">
            <label htmlFor={`submit-${name}-${language.value}`}>{language.label}</label>
            <input type="text" lang={language.value} autoComplete={autoComplete} {...textProps(field)} />
            {fieldError(field)}
          </div>
        );
      })}
      {fieldError(name)}
    </fieldset>
  );
  const select = (name: Name, options: Option[]) => (
    <div className="field">
      <label htmlFor={`submit-${name}`}>{fieldLabels[name]}</label>
      <select autoComplete="off" {...textProps(name)}>
        <option value="">{texts.choose}</option>
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
      <p className="hint">{texts.timeHint}</p>
      {select('region', regions)}
      {inEachLanguage('city', 'address-level2')}
      {inEachLanguage('venue')}
      {inEachLanguage('address', 'street-address')}
      {text('mapUrl', { type: 'url' })}
      {checkboxField('isOnline', fieldLabels.isOnline)}
      {text('onlineUrl', { type: 'url' })}
      {checkboxField('isOnlineLinkPrivate', fieldLabels.isOnlineLinkPrivate)}
      <fieldset aria-describedby={describedBy('languages')}>
        <legend>{fieldLabels.languages}</legend>
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
      {inEachLanguage('organiserName', 'organization')}
      {text('submitterName', { autoComplete: 'name' })}
      {text('submitterEmail', { type: 'email', autoComplete: 'email' })}
      <Honeypot id="submit-website" label={texts.honeypot} />
      {checkboxField('consent', fieldLabels.consent)}
      {submitButton(isPending ? texts.submitting : texts.submit)}
    </form>
  );
}
