'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useErrorText } from '@/app/_components/use-error-text';
import { InviteOrganizerSchema, ROLES } from '@/lib/organizers/schemas';
import { LOCALES } from '@/lib/validation';
import type { InviteFormState } from './actions';

type Props = {
  action: (previous: InviteFormState, formData: FormData) => Promise<InviteFormState>;
  locale: (typeof LOCALES)[number];
};

export function InviteForm({ action, locale }: Props) {
  const t = useTranslations('console.organizers');
  const errorText = useErrorText(null);
  const [state, formAction, isPending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(InviteOrganizerSchema),
    defaultValues: { email: '', role: 'ORGANIZER' as const, locale },
  });

  useEffect(() => {
    if (state.invitedEmail) reset();
  }, [state, reset]);

  const errorFor = (field: 'email' | 'role' | 'locale') => {
    const key = errors[field]?.message;
    return key ? errorText(key) : state.fieldErrors?.[field];
  };
  const describedBy = (field: string, error: string | undefined) => (error ? `invite-${field}-error` : undefined);
  const emailError = errorFor('email');
  const roleError = errorFor('role');
  const localeError = errorFor('locale');

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onSubmit={(event) =>
        handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)
      }
      className="stack"
      aria-labelledby="invite-title"
    >
      <h2 id="invite-title">{t('inviteTitle')}</h2>
      <div className="field">
        <label htmlFor="invite-email">{t('emailLabel')}</label>
        <input
          id="invite-email"
          type="email"
          autoComplete="off"
          aria-invalid={emailError ? true : undefined}
          aria-describedby={describedBy('email', emailError)}
          {...register('email')}
        />
        {emailError ? (
          <p id="invite-email-error" className="field-error">
            {emailError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="invite-role">{t('roleLabel')}</label>
        <select id="invite-role" aria-describedby={describedBy('role', roleError)} {...register('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {roleError ? (
          <p id="invite-role-error" className="field-error">
            {roleError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="invite-locale">{t('localeLabel')}</label>
        <select id="invite-locale" aria-describedby={describedBy('locale', localeError)} {...register('locale')}>
          {LOCALES.map((value) => (
            <option key={value} value={value}>
              {t(`locales.${value}`)}
            </option>
          ))}
        </select>
        {localeError ? (
          <p id="invite-locale-error" className="field-error">
            {localeError}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={isPending}>
        {isPending ? t('inviting') : t('inviteSubmit')}
      </button>
      <p role="status" className="notice">
        {state.invitedEmail ? t('invited', { email: state.invitedEmail }) : ''}
      </p>
    </form>
  );
}
