'use client';

import { useTranslations } from 'next-intl';
import { useServerForm } from '@/app/_components/form-kit';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';
import type { DiscreetMailFormInput, DiscreetMailInput } from '@/lib/mailer/schemas';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  discreet: boolean;
};

/** The admin's switch for discreet mail. */
export function DiscreetMailForm({ action, discreet }: Props) {
  const t = useTranslations('console.mailHealth.discreet');
  const { isPending, formProps, checkboxField, summary } = useServerForm<
    DiscreetMailFormInput,
    DiscreetMailInput,
    FormFailure | FormSuccess
  >({
    loadSchema: () => import('@/lib/mailer/schemas').then((module) => module.DiscreetMailSchema),
    action,
    defaultValues: { discreet },
    idPrefix: 'discreet-mail',
    errorNamespace: null,
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      {checkboxField('discreet', t('label'))}
      <div>
        <button type="submit" disabled={isPending}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
