'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useErrorText } from '@/app/_components/use-error-text';
import { startTransition, useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { SubscribeSchema, type SubscribeData, type SubscribeInput } from '@/lib/reforms/schemas';
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

/** Works without JavaScript (the server action validates with the same schema); with it, errors show before the round trip. */
export function SubscribeForm({ locale, reforms, defaultScope, action }: Props) {
  const t = useTranslations('reforms');
  const message = useErrorText('reforms');
  const [state, formAction, isPending] = useActionState(action, null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SubscribeInput, unknown, SubscribeData>({
    resolver: zodResolver(SubscribeSchema),
    defaultValues: { email: '', locale, scope: defaultScope, frequency: 'EACH', consent: false as unknown as true, website: '' },
  });

  const errorFor = (name: keyof SubscribeInput): string | undefined => {
    const clientKey = errors[name]?.message;
    return clientKey ? message(clientKey) : state?.fieldErrors[name];
  };
  const describedBy = (name: keyof SubscribeInput, hint?: boolean) =>
    [hint ? `alerts-${name}-hint` : '', errorFor(name) ? `alerts-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (name: keyof SubscribeInput) => {
    const text = errorFor(name);
    return text ? (
      <p id={`alerts-${name}-error`} className="field-error">
        {text}
      </p>
    ) : null;
  };

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
      {state?.formError ? (
        <p role="alert" className="notice notice-error">
          {state.formError}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="alerts-email">{t('subscribe.email')}</label>
        <p id="alerts-email-hint" className="hint">
          {t('subscribe.emailHint')}
        </p>
        <input id="alerts-email" type="email" autoComplete="email" inputMode="email" aria-invalid={!!errorFor('email')} aria-describedby={describedBy('email', true)} {...register('email')} />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="alerts-scope">{t('subscribe.scope')}</label>
        <select id="alerts-scope" aria-invalid={!!errorFor('scope')} aria-describedby={describedBy('scope')} {...register('scope')}>
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
          <div key={value} className={styles.checkbox}>
            <input id={`alerts-frequency-${value}`} type="radio" value={value} {...register('frequency')} />
            <label htmlFor={`alerts-frequency-${value}`}>{t(`frequencyOption.${value}`)}</label>
          </div>
        ))}
        {fieldError('frequency')}
      </fieldset>
      <div className="field">
        <label htmlFor="alerts-locale">{t('subscribe.language')}</label>
        <select id="alerts-locale" aria-invalid={!!errorFor('locale')} aria-describedby={describedBy('locale')} {...register('locale')}>
          {LANGUAGES.map(([value, name]) => (
            <option key={value} value={value} lang={value}>
              {name}
            </option>
          ))}
        </select>
        {fieldError('locale')}
      </div>
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor="alerts-website">{t('subscribe.honeypot')}</label>
        <input id="alerts-website" tabIndex={-1} autoComplete="off" {...register('website')} />
      </div>
      <div className="field">
        <div className={styles.checkbox}>
          <input id="alerts-consent" type="checkbox" aria-invalid={!!errorFor('consent')} aria-describedby={describedBy('consent')} {...register('consent')} />
          <label htmlFor="alerts-consent">{t('subscribe.consent')}</label>
        </div>
        {fieldError('consent')}
      </div>
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? t('subscribe.submitting') : t('subscribe.submit')}
        </button>
      </div>
    </form>
  );
}
