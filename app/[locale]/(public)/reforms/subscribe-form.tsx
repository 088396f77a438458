'use client';

import { Honeypot } from '@/app/_components/form-fields';
import { useLazyServerForm } from '@/app/_components/lazy-server-form';
import type { ErrorTexts } from '@/lib/i18n/field-errors';
import type { SubscribeData, SubscribeInput } from '@/lib/reforms/schemas';
import type { SubscribeFormState } from './alerts/actions';
import type { SUBSCRIBE_FORM_TEXTS } from './client-texts';
import styles from './reforms.module.css';

const LANGUAGES = [
  ['kk', 'Қазақша'],
  ['ru', 'Русский'],
  ['en', 'English'],
] as const;

type Props = {
  locale: 'kk' | 'ru' | 'en';
  reforms: { id: string; title: string }[];
  defaultScope: string;
  action: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>;
  /** `reforms.subscribe`'s texts (SUBSCRIBE_FORM_TEXTS), `reforms.frequencyOption`, and `errorTexts` of lib/reforms/field-errors.ts. */
  texts: Record<(typeof SUBSCRIBE_FORM_TEXTS)[number], string>;
  frequencyLabels: Record<SubscribeInput['frequency'], string>;
  errorTexts: ErrorTexts;
};

/** Works with and without JavaScript (app/_components/lazy-server-form.ts). */
export function SubscribeForm({ locale, reforms, defaultScope, action, texts, frequencyLabels, errorTexts }: Props) {
  const { summary, isPending, formProps, textProps, checkboxField, choiceProps, describedBy, fieldError, submitButton } = useLazyServerForm<
    SubscribeInput,
    SubscribeData
  >({
    loadSchema: () => import('@/lib/reforms/schemas').then((module) => module.SubscribeSchema),
    action,
    defaultValues: { email: '', locale, scope: defaultScope, frequency: 'EACH', consent: false as unknown as true, website: '' },
    idPrefix: 'alerts',
    errorTexts,
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      <div className="field">
        <label htmlFor="alerts-email">{texts.email}</label>
        <p id="alerts-email-hint" className="hint">
          {texts.emailHint}
        </p>
        <input type="email" autoComplete="email" inputMode="email" {...textProps('email', { hint: true })} />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="alerts-scope">{texts.scope}</label>
        <select {...textProps('scope')}>
          <option value="all">{texts.scopeAll}</option>
          {reforms.map((reform) => (
            <option key={reform.id} value={reform.id}>
              {reform.title}
            </option>
          ))}
        </select>
        {fieldError('scope')}
      </div>
      <fieldset className={styles.fieldset} aria-describedby={describedBy('frequency')}>
        <legend>{texts.frequency}</legend>
        {(['EACH', 'WEEKLY'] as const).map((value) => (
          <div key={value} className="check">
            <input {...choiceProps('frequency', value)} />
            <label htmlFor={`alerts-frequency-${value}`}>{frequencyLabels[value]}</label>
          </div>
        ))}
        {fieldError('frequency')}
      </fieldset>
      <div className="field">
        <label htmlFor="alerts-locale">{texts.language}</label>
        <select {...textProps('locale')}>
          {LANGUAGES.map(([value, name]) => (
            <option key={value} value={value} lang={value}>
              {name}
            </option>
          ))}
        </select>
        {fieldError('locale')}
      </div>
      <Honeypot id="alerts-website" label={texts.honeypot} />
      {checkboxField('consent', texts.consent)}
      {submitButton(isPending ? texts.submitting : texts.submit)}
    </form>
  );
}
