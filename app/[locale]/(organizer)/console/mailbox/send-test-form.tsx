'use client';

import { useTranslations } from 'next-intl';
import { useServerForm } from '@/app/_components/form-kit';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';
import type { SendTestMailInput } from '@/lib/mailbox/schemas';
import { LOCALES } from '@/lib/i18n/locales';
import { LocaleOptions } from '@/app/_components/locale-options';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  locale: (typeof LOCALES)[number];
  defaultEmail: string;
};

export function SendTestForm({ action, locale, defaultEmail }: Props) {
  const t = useTranslations('mailbox.sendTest');
  const tLocales = useTranslations('mailbox.locales');
  const { submitButton, formProps, textProps, field, failureAlert, liveNotice } = useServerForm<
    SendTestMailInput,
    SendTestMailInput,
    FormFailure | FormSuccess
  >({
    loadSchema: () => import('@/lib/mailbox/schemas').then((module) => module.SendTestMailSchema),
    action,
    defaultValues: { email: defaultEmail, locale },
    idPrefix: 'send-test',
    errorNamespace: null,
  });

  return (
    <form {...formProps} className="stack" aria-labelledby="send-test-title">
      <h2 id="send-test-title">{t('title')}</h2>
      {failureAlert()}
      {field('email', t('email'), <input type="email" autoComplete="email" {...textProps('email')} />)}
      {field(
        'locale',
        t('locale'),
        <select {...textProps('locale')}>
          <LocaleOptions name={(l) => tLocales(l)} ownNames />
        </select>,
      )}
      {submitButton(t('button'))}
      {liveNotice()}
    </form>
  );
}
