'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useErrorText } from '@/app/_components/use-error-text';
import { SendTestMailSchema } from '@/lib/mailbox/schemas';
import { LOCALES } from '@/lib/validation';
import type { SendTestMailState } from './actions';

type Props = {
  action: (previous: SendTestMailState, formData: FormData) => Promise<SendTestMailState>;
  locale: (typeof LOCALES)[number];
  defaultEmail: string;
};

export function SendTestForm({ action, locale, defaultEmail }: Props) {
  const t = useTranslations('mailbox.sendTest');
  const tLocales = useTranslations('mailbox.locales');
  const errorText = useErrorText(null);
  const [state, formAction, isPending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, formState: { errors } } = useForm({
    resolver: zodResolver(SendTestMailSchema),
    defaultValues: { email: defaultEmail, locale },
  });
  const emailKey = errors.email?.message;
  const emailError = emailKey ? errorText(emailKey) : state.fieldErrors?.email;

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
      className="stack"
      aria-labelledby="send-test-title"
    >
      <h2 id="send-test-title">{t('title')}</h2>
      <div className="field">
        <label htmlFor="send-test-email">{t('email')}</label>
        <input
          id="send-test-email"
          type="email"
          autoComplete="email"
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'send-test-email-error' : undefined}
          {...register('email')}
        />
        {emailError ? (
          <p id="send-test-email-error" className="field-error">
            {emailError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="send-test-locale">{t('locale')}</label>
        <select id="send-test-locale" {...register('locale')}>
          {LOCALES.map((value) => (
            <option key={value} value={value} lang={value}>
              {tLocales(value)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" disabled={isPending}>
          {t('button')}
        </button>
      </div>
      <p role="status" className="notice">
        {state.sentTo ? t('sent', { email: state.sentTo }) : ''}
      </p>
    </form>
  );
}
