'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requireOrganizerForAction } from '@/lib/auth';
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
    const t = await getTranslations({ locale, namespace: 'errors' });
    const keys = fieldErrorKeys(parsed.error);
    return { fieldErrors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key as never)])) };
  }
  await sendTestMail(parsed.data, organizer);
  revalidatePath(`/${locale}/console/mailbox`);
  return { sentTo: parsed.data.email };
}
