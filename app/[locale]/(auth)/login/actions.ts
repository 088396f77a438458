'use server';

import { redirect } from 'next/navigation';
import { requestSignInLink } from '@/lib/auth/request-sign-in-link';
import { SignInSchema } from '@/lib/auth/schemas';
import { sharedFormErrors, type FormFailure } from '@/lib/i18n/field-errors';
import { readLocale } from '@/lib/validation';

export type SignInFormState = FormFailure | null;

/**
 * Same answer for invited, unknown and rate-limited addresses: the "check your mail" page.
 * The rate limits and the "invited only" rule live in next-auth's callbacks (lib/auth.ts).
 */
export async function requestSignInLinkAction(rawLocale: string, _previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const locale = readLocale(rawLocale);
  const parsed = SignInSchema.safeParse({ email: formData.get('email') ?? '' });
  if (!parsed.success) return sharedFormErrors.invalidFormState(parsed.error, locale, formData);
  try {
    await requestSignInLink({ email: parsed.data.email, locale });
  } catch (error) {
    return sharedFormErrors.formStateForError(error, locale, formData);
  }
  redirect(`/${locale}/login/check-email`);
}
