'use server';

import { revalidatePath } from 'next/cache';
import { requireOrganizerForAction } from '@/lib/auth';
import { sharedFormErrors } from '@/lib/i18n/field-errors';
import { SendTestMailSchema } from '@/lib/mailbox/schemas';
import { sendTestMail } from '@/lib/mailbox/send-test-mail';
import { fieldErrorKeys, readLocale, type FieldErrors } from '@/lib/validation';

export type SendTestMailState = { sentTo?: string; fieldErrors?: FieldErrors };

export async function sendTestMailAction(
  rawLocale: string,
  _previous: SendTestMailState,
  formData: FormData,
): Promise<SendTestMailState> {
  const organizer = await requireOrganizerForAction();
  const locale = readLocale(rawLocale);
  const parsed = SendTestMailSchema.safeParse({ email: formData.get('email') ?? '', locale: formData.get('locale') ?? '' });
  if (!parsed.success) {
    return { fieldErrors: sharedFormErrors.translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
  }
  await sendTestMail(parsed.data, organizer);
  revalidatePath(`/${locale}/console/mailbox`);
  return { sentTo: parsed.data.email };
}
