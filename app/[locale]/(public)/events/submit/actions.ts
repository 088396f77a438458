'use server';

import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/client-ip';
import { formStateForError, invalidFormState, type FormFailure } from '@/lib/events/field-errors';
import { formInput } from '@/lib/i18n/field-errors';
import { SubmitEventSchema } from '@/lib/events/schemas';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { submitEvent } from '@/lib/events/submit-event';
import { verifySubmission } from '@/lib/events/verify-submission';
import { readLocale } from '@/lib/validation';

export type SubmitFormState = FormFailure | null;

/** Partner submission: safeParse → submitEvent (guards itself, stores a hidden draft, mails a verify link). */
export async function submitEventAction(rawLocale: string, _previous: SubmitFormState, formData: FormData): Promise<SubmitFormState> {
  const locale = readLocale(rawLocale);
  const input = { ...formInput(formData, ['languages']), locale };
  const parsed = SubmitEventSchema.safeParse(input);
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  try {
    await submitEvent(parsed.data, { clientAddress: await clientIp() });
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  redirect(`/${locale}/events/submit/verify?result=sent`);
}

export async function verifySubmissionAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const parsed = MailedTokenSchema.safeParse(formData.get('token'));
  const result = parsed.success ? await verifySubmission(parsed.data) : 'invalid';
  redirect(`/${locale}/events/submit/verify?result=${result}`);
}
