'use client';

import { useTranslations } from 'next-intl';
import { useServerForm } from '@/app/_components/form-kit';
import type { SecuritySettingsFormInput, SecuritySettingsInput } from '@/lib/auth/schemas';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  settings: SecuritySettingsInput;
};

/** The admin's settings for every organizer account. */
export function SecuritySettingsForm({ action, settings }: Props) {
  const t = useTranslations('console.security.settings');
  const { formProps, textProps, field, checkboxField, summary, submitButton } = useServerForm<
    SecuritySettingsFormInput,
    SecuritySettingsInput,
    FormFailure | FormSuccess
  >({
    loadSchema: () => import('@/lib/auth/schemas').then((module) => module.SecuritySettingsSchema),
    action,
    defaultValues: settings,
    idPrefix: 'security-settings',
    errorNamespace: null,
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      {checkboxField('requireSecondFactor', t('requireSecondFactor'))}
      <p className="hint">{t('requireHint')}</p>
      {field(
        'sessionLifetimeHours',
        t('lifetime'),
        <input type="number" inputMode="numeric" min={1} max={720} step={1} {...textProps('sessionLifetimeHours', { hint: true })} />,
        t('lifetimeHint'),
      )}
      {field(
        'sessionIdleMinutes',
        t('idle'),
        <input type="number" inputMode="numeric" min={5} max={1440} step={1} {...textProps('sessionIdleMinutes', { hint: true })} />,
        t('idleHint'),
      )}
      {submitButton(t('save'))}
    </form>
  );
}
