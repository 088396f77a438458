'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requireAdminForAction } from '@/lib/auth';
import { formInput, sharedFormErrors, type FormState } from '@/lib/i18n/field-errors';
import { setDiscreetMail } from '@/lib/mailer/discreet-mail';
import { DiscreetMailSchema } from '@/lib/mailer/schemas';
import { readLocale } from '@/lib/validation';

export async function setDiscreetMailAction(rawLocale: string, _state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdminForAction({ freshFactor: true });
  const locale = readLocale(rawLocale);
  const parsed = DiscreetMailSchema.safeParse(formInput(formData));
  if (!parsed.success) return sharedFormErrors.invalidFormState(parsed.error, locale, formData);
  try {
    await setDiscreetMail(parsed.data, admin);
  } catch (error) {
    return sharedFormErrors.formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/console/mail-health`);
  const t = await getTranslations({ locale, namespace: 'console.mailHealth.discreet' });
  return { ok: true, notice: t('saved') };
}
