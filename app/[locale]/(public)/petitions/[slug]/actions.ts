'use server';

import { redirect } from 'next/navigation';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { forgetPublicCount } from '@/lib/petitions/count';
import { TokenSchema } from '@/lib/petitions/schemas';
import { withdrawSignature } from '@/lib/petitions/withdraw-signature';
import { LocaleSchema } from '@/lib/validation';

function tokenFrom(formData: FormData): string | null {
  const parsed = TokenSchema.safeParse(formData.get('token'));
  return parsed.success ? parsed.data : null;
}

/** The confirmation page's button: the only way a signature gets confirmed (POST, never the mailed GET). */
export async function confirmSignatureAction(locale: string, slug: string, formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  const result = token ? await confirmSignature(token) : { status: 'invalid' as const };
  const lang = LocaleSchema.catch('kk').parse(locale);
  redirect(`/${lang}/petitions/${encodeURIComponent(slug)}/confirm?result=${result.status}`);
}

export async function withdrawSignatureAction(locale: string, slug: string, formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  const result = token ? await withdrawSignature(token) : { status: 'invalid' as const };
  if (result.status === 'withdrawn') forgetPublicCount();
  const lang = LocaleSchema.catch('kk').parse(locale);
  redirect(`/${lang}/petitions/${encodeURIComponent(slug)}/withdraw?result=${result.status}`);
}
