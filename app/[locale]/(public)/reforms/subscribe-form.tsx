'use client';

import { useTranslations } from 'next-intl';
import { Honeypot } from '@/app/_components/form-fields';
import { useLazyServerForm } from '@/app/_components/lazy-server-form';
import type { SubscribeData, SubscribeInput } from '@/lib/reforms/schemas';
import type { SubscribeFormState } from './alerts/actions';
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
};

/** Works with and without JavaScript (app/_components/lazy-server-form.ts). */
export function SubscribeForm({ locale, reforms, defaultScope, action }: Props) {
  const t = useTranslations('reforms');
  const { summary, isPending, formProps, textProps, checkboxField, choiceProps, describedBy, fieldError, submitButton } = useLazyServerForm<
    SubscribeInput,
    SubscribeData
  >({
    loadSchema: () => import('@/lib/reforms/schemas').then((module) => module.SubscribeSchema),
    action,
    defaultValues: { email: '', locale, scope: defaultScope, frequency: 'EACH', consent: false as unknown as true, website: '' },
    idPrefix: 'alerts',
    errorNamespace: 'reforms',
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      <div className="field">
        <label htmlFor="alerts-email">{t('subscribe.email')}</label>
        <p id="alerts-email-hint" className="hint">
          {t('subscribe.emailHint')}
        </p>
        <input type="email" autoComplete="email" inputMode="email" {...textProps('email', { hint: true })} />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="alerts-scope">{t('subscribe.scope')}</label>
        <select {...textProps('scope')}>
          <option value="all">{t('subscribe.scopeAll')}</option>
          {reforms.map((reform) => (
            <option key={reform.id} value={reform.id}>
              {reform.title}
            </option>
          ))}
        </select>
        {fieldError('scope')}
      </div>
      <fieldset className={styles.fieldset} aria-describedby={describedBy('frequency')}>
        <legend>{t('subscribe.frequency')}</legend>
        {(['EACH', 'WEEKLY'] as const).map((value) => (
          <div key={value} className="check">
            <input {...choiceProps('frequency', value)} />
            <label htmlFor={`alerts-frequency-${value}`}>{t(`frequencyOption.${value}`)}</label>
          </div>
        ))}
        {fieldError('frequency')}
      </fieldset>
      <div className="field">
        <label htmlFor="alerts-locale">{t('subscribe.language')}</label>
        <select {...textProps('locale')}>
          {LANGUAGES.map(([value, name]) => (
            <option key={value} value={value} lang={value}>
              {name}
            </option>
          ))}
        </select>
        {fieldError('locale')}
      </div>
      <Honeypot id="alerts-website" label={t('subscribe.honeypot')} />
      {checkboxField('consent', t('subscribe.consent'))}
      {submitButton(isPending ? t('subscribe.submitting') : t('subscribe.submit'))}
    </form>
  );
}
