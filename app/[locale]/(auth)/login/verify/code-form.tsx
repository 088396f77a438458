'use client';

import { useServerForm } from '@/app/_components/form-kit';
import type { TotpCodeInput } from '@/lib/auth/schemas';
import type { VerifyFormState } from './actions';

type Props = {
  /** An app's six digits, or a one-time recovery code. */
  kind: 'totp' | 'recovery';
  action: (previous: VerifyFormState, formData: FormData) => Promise<VerifyFormState>;
  label: string;
  hint: string;
  submit: string;
  /** Element ids start with it (default `verify-<kind>`). */
  idPrefix?: string;
};

/** A code typed as the second factor. Works with and without JavaScript (app/_components/form-kit.tsx). */
export function CodeForm({ kind, action, label, hint, submit, idPrefix = `verify-${kind}` }: Props) {
  const { failureAlert, field, formProps, submitButton, textProps } = useServerForm<TotpCodeInput, TotpCodeInput>({
    loadSchema: () => import('@/lib/auth/schemas').then((module) => (kind === 'totp' ? module.TotpCodeSchema : module.RecoveryCodeSchema)),
    action,
    defaultValues: { code: '' },
    idPrefix,
    errorNamespace: null,
  });
  const control =
    kind === 'totp' ? (
      <input autoComplete="one-time-code" inputMode="numeric" required {...textProps('code', { hint: true })} />
    ) : (
      <input autoComplete="off" autoCapitalize="none" spellCheck={false} required {...textProps('code', { hint: true })} />
    );
  return (
    <form {...formProps} className="stack">
      {failureAlert()}
      {field('code', label, control, hint)}
      {submitButton(submit)}
    </form>
  );
}
