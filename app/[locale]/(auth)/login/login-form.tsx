'use client';

import { useTranslations } from 'next-intl';
import { useServerForm } from '@/app/_components/form-kit';
import type { SignInInput } from '@/lib/auth/schemas';
import type { SignInFormState } from './actions';

type Props = {
  action: (previous: SignInFormState, formData: FormData) => Promise<SignInFormState>;
};

/** Works with and without JavaScript (app/_components/form-kit.tsx). */
export function LoginForm({ action }: Props) {
  const t = useTranslations('auth.login');
  const { summary, isPending, formProps, textProps, fieldError } = useServerForm<SignInInput, SignInInput>({
    loadSchema: () => import('@/lib/auth/schemas').then((module) => module.SignInSchema),
    action,
    defaultValues: { email: '' },
    idPrefix: 'login',
    errorNamespace: null,
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      <div className="field">
        <label htmlFor="login-email">{t('emailLabel')}</label>
        <p id="login-email-hint" className="hint">
          {t('emailHint')}
        </p>
        <input type="email" autoComplete="email" inputMode="email" required {...textProps('email', { hint: true })} />
        {fieldError('email')}
      </div>
      <button type="submit" disabled={isPending}>
        {isPending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
