'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requestSignInLink } from '@/lib/auth/request-sign-in-link';
import { SignInSchema } from '@/lib/auth/schemas';
import { fieldErrorKeys, LocaleSchema, type FieldErrors } from '@/lib/validation';

export type SignInFormState = { fieldErrors?: FieldErrors };

/**
 * Same answer for invited, unknown and rate-limited addresses: the "check your mail" page.
 * The rate limits and the "invited only" rule live in next-auth's callbacks (lib/auth.ts).
 */
export async function requestSignInLinkAction(
  rawLocale: string,
  _previous: SignInFormState,
  formData: FormData,
): Promise<SignInFormState> {
  const locale = LocaleSchema.catch('kk').parse(rawLocale);
  const parsed = SignInSchema.safeParse({ email: formData.get('email') ?? '' });
  if (!parsed.success) {
    const t = await getTranslations({ locale, namespace: 'errors' });
    const keys = fieldErrorKeys(parsed.error);
    return { fieldErrors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key as never)])) };
  }
  await requestSignInLink({ email: parsed.data.email, locale });
  redirect(`/${locale}/login/check-email`);
}
