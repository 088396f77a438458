'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requireOrganizerForAction } from '@/lib/auth';
import { SendTestMailSchema } from '@/lib/mailbox/schemas';
import { sendTestMail } from '@/lib/mailbox/send-test-mail';
import { formInput, sharedFormErrors, type FormState } from '@/lib/i18n/field-errors';
import { readLocale } from '@/lib/validation';

export async function sendTestMailAction(rawLocale: string, _state: FormState, formData: FormData): Promise<FormState> {
  const organizer = await requireOrganizerForAction();
  const locale = readLocale(rawLocale);
  const parsed = SendTestMailSchema.safeParse(formInput(formData));
  if (!parsed.success) return sharedFormErrors.invalidFormState(parsed.error, locale, formData);
  try {
    await sendTestMail(parsed.data, organizer);
  } catch (error) {
    return sharedFormErrors.formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/console/mailbox`);
  const t = await getTranslations({ locale, namespace: 'mailbox.sendTest' });
  return { ok: true, notice: t('sent', { email: parsed.data.email }) };
}
