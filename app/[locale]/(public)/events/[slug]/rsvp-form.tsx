'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useErrorText } from '@/app/_components/use-error-text';
import { startTransition, useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { RsvpSchema, type RsvpData, type RsvpInput } from '@/lib/events/schemas';
import type { RsvpFormState } from './actions';
import styles from '../events.module.css';


type Props = {
  locale: 'kk' | 'ru' | 'en';
  maxGuests: number;
  isFull: boolean;
  action: (state: RsvpFormState, formData: FormData) => Promise<RsvpFormState>;
};

/** Works without JavaScript (the server action validates with the same schema); with it, errors show before the round trip. */
export function RsvpForm({ locale, maxGuests, isFull, action }: Props) {
  const t = useTranslations('events.rsvp');
  const message = useErrorText('events');
  const [state, formAction, isPending] = useActionState(action, null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<RsvpInput, unknown, RsvpData>({
    resolver: zodResolver(RsvpSchema),
    defaultValues: { name: '', email: '', guests: 0, consent: false as unknown as true, locale, website: '' },
  });

  const errorFor = (name: keyof RsvpInput): string | undefined => {
    const clientKey = errors[name]?.message;
    return clientKey ? message(clientKey) : state?.fieldErrors[name];
  };
  const describedBy = (name: keyof RsvpInput, hint?: boolean) =>
    [hint ? `rsvp-${name}-hint` : '', errorFor(name) ? `rsvp-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (name: keyof RsvpInput) => {
    const text = errorFor(name);
    return text ? (
      <p id={`rsvp-${name}-error`} className="field-error">
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
      <input type="hidden" {...register('locale')} />
      <div className="field">
        <label htmlFor="rsvp-name">{t('name')}</label>
        <input id="rsvp-name" autoComplete="name" aria-invalid={!!errorFor('name')} aria-describedby={describedBy('name')} {...register('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="rsvp-email">{t('email')}</label>
        <p id="rsvp-email-hint" className="hint">
          {t('emailHint')}
        </p>
        <input id="rsvp-email" type="email" autoComplete="email" inputMode="email" aria-invalid={!!errorFor('email')} aria-describedby={describedBy('email', true)} {...register('email')} />
        {fieldError('email')}
      </div>
      {maxGuests > 0 ? (
        <div className="field">
          <label htmlFor="rsvp-guests">{t('guests')}</label>
          <p id="rsvp-guests-hint" className="hint">
            {t('guestsHint', { max: maxGuests })}
          </p>
          <input id="rsvp-guests" type="number" min={0} max={maxGuests} inputMode="numeric" aria-invalid={!!errorFor('guests')} aria-describedby={describedBy('guests', true)} {...register('guests')} />
          {fieldError('guests')}
        </div>
      ) : (
        <input type="hidden" {...register('guests')} />
      )}
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor="rsvp-website">{t('honeypot')}</label>
        <input id="rsvp-website" tabIndex={-1} autoComplete="off" {...register('website')} />
      </div>
      <div className="field">
        <div className={styles.checkbox}>
          <input id="rsvp-consent" type="checkbox" aria-invalid={!!errorFor('consent')} aria-describedby={describedBy('consent')} {...register('consent')} />
          <label htmlFor="rsvp-consent">{t('consent')}</label>
        </div>
        {fieldError('consent')}
      </div>
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? t('submitting') : isFull ? t('submitWaitlist') : t('submit')}
        </button>
      </div>
    </form>
  );
}
