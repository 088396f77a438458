'use server';

import { redirect } from 'next/navigation';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { forgetPublicCount } from '@/lib/petitions/count';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { findSignatureByToken } from '@/lib/petitions/find-signature-by-token';
import { withdrawSignature } from '@/lib/petitions/withdraw-signature';
import { followReformForSupporter } from '@/lib/reforms/follow-reform';
import { isAppError } from '@/lib/errors';
import { readLocale } from '@/lib/validation';

function tokenFrom(formData: FormData): string | null {
  const parsed = MailedTokenSchema.safeParse(formData.get('token'));
  return parsed.success ? parsed.data : null;
}

/** The confirmation page's button: the only way a signature gets confirmed (POST, never the mailed GET). */
export async function confirmSignatureAction(locale: string, slug: string, formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  const result = token ? await confirmSignature(token) : { status: 'invalid' as const };
  const lang = readLocale(locale);
  const keep = result.status === 'confirmed' || result.status === 'already-confirmed' ? `&token=${encodeURIComponent(token!)}` : '';
  redirect(`/${lang}/petitions/${encodeURIComponent(slug)}/confirm?result=${result.status}${keep}`);
}

/** One click from the confirmation page: a confirmed signer who opted in to updates follows a reform. */
export async function followReformAction(locale: string, slug: string, formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  const reformId = formData.get('reformId');
  const lang = readLocale(locale);
  const base = `/${lang}/petitions/${encodeURIComponent(slug)}/confirm`;
  const found = token ? await findSignatureByToken(token) : null;
  if (!token || !found || found.status !== 'CONFIRMED' || typeof reformId !== 'string') redirect(`${base}?result=invalid`);
  let outcome = 'followed';
  try {
    outcome = await followReformForSupporter(found.supporterId, reformId);
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = 'followFailed';
  }
  redirect(`${base}?result=confirmed&token=${encodeURIComponent(token)}&follow=${outcome}`);
}

export async function withdrawSignatureAction(locale: string, slug: string, formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  const result = token ? await withdrawSignature(token) : { status: 'invalid' as const };
  if (result.status === 'withdrawn') forgetPublicCount();
  const lang = readLocale(locale);
  redirect(`/${lang}/petitions/${encodeURIComponent(slug)}/withdraw?result=${result.status}`);
}
