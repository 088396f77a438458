'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useServerForm } from '@/app/_components/form-kit';
import { useErrorText } from '@/app/_components/use-error-text';
import { useScriptRuns } from '@/app/_components/use-script-runs';
import type { PasskeyNameInput } from '@/lib/auth/schemas';
import type { FormFailure } from '@/lib/i18n/field-errors';
import type { GoTo, PasskeyCreationResult } from './actions';

type Props = {
  askOptions: () => Promise<PasskeyCreationResult>;
  register: (name: unknown, response: unknown) => Promise<GoTo | FormFailure>;
};

/**
 * Names a passkey and has the browser create it. Needs JavaScript (the page says so in a
 * <noscript>): the button stays off until the script runs.
 */
export function PasskeyEnrolment({ askOptions, register }: Props) {
  const t = useTranslations('auth.secondFactor');
  const errorText = useErrorText(null);
  const ready = useScriptRuns();

  async function createPasskey(_previous: FormFailure | null, formData: FormData): Promise<FormFailure | null> {
    const asked = await askOptions();
    if ('goTo' in asked) return goTo(asked.goTo);
    if (!asked.ok) return asked;
    // The browser refuses or the person cancels: the same words as a passkey that does not verify.
    const response = await startRegistration({ optionsJSON: asked.options }).catch(() => null);
    if (!response) return { ok: false, fieldErrors: {}, formError: errorText('passkeyFailed') };
    const registered = await register(formData.get('name'), response);
    return registered.ok ? goTo(registered.goTo) : registered;
  }

  const { failureAlert, field, formProps, isPending, textProps } = useServerForm<PasskeyNameInput, PasskeyNameInput>({
    loadSchema: () => import('@/lib/auth/schemas').then((module) => module.PasskeyNameSchema),
    action: createPasskey,
    defaultValues: { name: '' },
    idPrefix: 'enrol-passkey',
    errorNamespace: null,
  });

  return (
    <form {...formProps} className="stack">
      {failureAlert()}
      {field(
        'name',
        t('enrol.passkeyNameLabel'),
        <input autoComplete="off" maxLength={60} required {...textProps('name', { hint: true })} />,
        t('enrol.passkeyNameHint'),
      )}
      <div>
        <button type="submit" disabled={!ready || isPending}>
          {isPending ? t('enrol.passkeyWorking') : t('enrol.passkeyButton')}
        </button>
      </div>
    </form>
  );
}

/** A full navigation, and the form stays busy until the next page replaces it. */
function goTo(path: string): Promise<never> {
  window.location.assign(path);
  return new Promise<never>(() => {});
}
