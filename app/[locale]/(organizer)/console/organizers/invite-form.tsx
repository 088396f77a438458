'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import type { z } from 'zod';
import { useServerForm } from '@/app/_components/form-kit';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';
import { ROLES, type InviteOrganizerInput, type InviteOrganizerSchema } from '@/lib/organizers/schemas';
import { LOCALES } from '@/lib/i18n/locales';
import { LocaleOptions } from '@/app/_components/locale-options';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  locale: (typeof LOCALES)[number];
};

export function InviteForm({ action, locale }: Props) {
  const t = useTranslations('console.organizers');
  const { state, isPending, form, formProps, textProps, field, failureAlert, liveNotice } = useServerForm<
    z.input<typeof InviteOrganizerSchema>,
    InviteOrganizerInput,
    FormFailure | FormSuccess
  >({
    loadSchema: () => import('@/lib/organizers/schemas').then((module) => module.InviteOrganizerSchema),
    action,
    defaultValues: { email: '', role: 'ORGANIZER', locale },
    idPrefix: 'invite',
    errorNamespace: 'console.organizers',
  });

  // Invited: the form starts again for the next person.
  useEffect(() => {
    if (state?.ok) form.reset();
  }, [state, form]);

  return (
    <form {...formProps} className="stack" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('inviteTitle')}</h2>
      {failureAlert()}
      {field('email', t('emailLabel'), <input type="email" autoComplete="off" {...textProps('email')} />)}
      {field(
        'role',
        t('roleLabel'),
        <select {...textProps('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'locale',
        t('localeLabel'),
        <select {...textProps('locale')}>
          <LocaleOptions name={(l) => t(`locales.${l}`)} />
        </select>,
      )}
      <button type="submit" disabled={isPending}>
        {isPending ? t('inviting') : t('inviteSubmit')}
      </button>
      {liveNotice()}
    </form>
  );
}
