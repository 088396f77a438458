'use server';

import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/client-ip';
import { SUBMIT_LIMIT_PER_HOUR } from '@/lib/events/constants';
import { appErrorToFieldErrors, errorMessage, translateFieldErrors } from '@/lib/events/field-errors';
import { SubmitEventSchema } from '@/lib/events/schemas';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { submitEvent } from '@/lib/events/submit-event';
import { verifySubmission } from '@/lib/events/verify-submission';
import { hit } from '@/lib/rate-limit';
import { fieldErrorKeys, LocaleSchema, type FieldErrors } from '@/lib/validation';

export type SubmitFormState = { ok: false; fieldErrors: FieldErrors; formError?: string } | null;

/** Partner submission: rate limit → safeParse → submitEvent (stores a hidden draft, mails a verify link). */
export async function submitEventAction(rawLocale: string, _previous: SubmitFormState, formData: FormData): Promise<SubmitFormState> {
  const locale = LocaleSchema.catch('kk').parse(rawLocale);
  const input = { ...Object.fromEntries(formData), languages: formData.getAll('languages'), locale };
  const parsed = SubmitEventSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale), formError: errorMessage('formHasErrors', locale) };
  }
  const limit = await hit(`events-submit:ip:${await clientIp()}`, SUBMIT_LIMIT_PER_HOUR, 3600);
  if (!limit.allowed) return { ok: false, fieldErrors: {}, formError: errorMessage('rateLimited', locale) };
  try {
    await submitEvent(parsed.data);
  } catch (error) {
    const mapped = appErrorToFieldErrors(error, locale);
    if (!mapped) throw error;
    return { ok: false, ...mapped, formError: mapped.formError ?? errorMessage('formHasErrors', locale) };
  }
  redirect(`/${locale}/events/submit/verify?result=sent`);
}

export async function verifySubmissionAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = LocaleSchema.catch('kk').parse(rawLocale);
  const parsed = MailedTokenSchema.safeParse(formData.get('token'));
  const result = parsed.success ? await verifySubmission(parsed.data) : 'invalid';
  redirect(`/${locale}/events/submit/verify?result=${result}`);
}
