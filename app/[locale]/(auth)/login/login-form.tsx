'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { SignInSchema } from '@/lib/auth/schemas';
import type { SignInFormState } from './actions';

type Props = {
  action: (previous: SignInFormState, formData: FormData) => Promise<SignInFormState>;
};

export function LoginForm({ action }: Props) {
  const t = useTranslations('auth.login');
  const tErrors = useTranslations('errors');
  const [state, formAction, isPending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(SignInSchema), defaultValues: { email: '' } });

  const clientError = errors.email?.message;
  const emailError = clientError ? tErrors(clientError as never) : state.fieldErrors?.email;

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onSubmit={(event) =>
        handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)
      }
      className="stack"
    >
      <div className="field">
        <label htmlFor="email">{t('emailLabel')}</label>
        <input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error email-hint' : 'email-hint'}
          {...register('email')}
        />
        <p id="email-hint" className="hint">
          {t('emailHint')}
        </p>
        {emailError ? (
          <p id="email-error" className="field-error" role="alert">
            {emailError}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={isPending}>
        {isPending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
