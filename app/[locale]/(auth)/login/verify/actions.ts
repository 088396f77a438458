'use server';

import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { redirect } from 'next/navigation';
import { requireSignedInForAction } from '@/lib/auth';
import type { OrganizerSession } from '@/lib/auth/organizer-session';
import { passkeyAuthenticationOptions, verifyPasskey } from '@/lib/auth/passkeys';
import { redeemRecoveryCode } from '@/lib/auth/recovery-codes';
import { secondFactorReturnPath } from '@/lib/auth/return-path';
import { RecoveryCodeSchema, TotpCodeSchema } from '@/lib/auth/schemas';
import { verifyTotp } from '@/lib/auth/totp';
import { sharedFormErrors, type FormFailure } from '@/lib/i18n/field-errors';
import { readLocale } from '@/lib/validation';

export type VerifyFormState = FormFailure | null;
export type PasskeyOptionsResult = { ok: true; options: PublicKeyCredentialRequestOptionsJSON } | FormFailure;
export type PasskeyCheckResult = { ok: true; next: string } | FormFailure;

/** Step one of a passkey check: a challenge kept on this session, for the browser to sign. */
export async function passkeyOptionsAction(rawLocale: string): Promise<PasskeyOptionsResult> {
  const session = await requireSignedInForAction();
  try {
    return { ok: true, options: await passkeyAuthenticationOptions(session) };
  } catch (error) {
    return sharedFormErrors.formStateForError(error, readLocale(rawLocale));
  }
}

/**
 * Step two: the signed challenge. The browser goes on by itself (the return path may be a download,
 * which the client router cannot open), to the path checked here again.
 */
export async function verifyPasskeyAction(rawLocale: string, rawNext: string, response: unknown): Promise<PasskeyCheckResult> {
  const locale = readLocale(rawLocale);
  const session = await requireSignedInForAction();
  try {
    await verifyPasskey(session, response);
  } catch (error) {
    return sharedFormErrors.formStateForError(error, locale);
  }
  return { ok: true, next: secondFactorReturnPath(locale, rawNext) };
}

/** A typed code (an app's, or a recovery code) as this session's second factor; back to `next` when it is right. */
async function checkCode(
  schema: typeof TotpCodeSchema | typeof RecoveryCodeSchema,
  check: (session: OrganizerSession, code: string) => Promise<void>,
  rawLocale: string,
  rawNext: string,
  formData: FormData,
): Promise<VerifyFormState> {
  const locale = readLocale(rawLocale);
  const session = await requireSignedInForAction();
  const parsed = schema.safeParse({ code: formData.get('code') ?? '' });
  if (!parsed.success) return sharedFormErrors.invalidFormState(parsed.error, locale, formData);
  try {
    await check(session, parsed.data.code);
  } catch (error) {
    return sharedFormErrors.formStateForError(error, locale, formData);
  }
  redirect(secondFactorReturnPath(locale, rawNext));
}

export async function verifyTotpAction(
  rawLocale: string,
  rawNext: string,
  _previous: VerifyFormState,
  formData: FormData,
): Promise<VerifyFormState> {
  return checkCode(TotpCodeSchema, (session, code) => verifyTotp(session, code), rawLocale, rawNext, formData);
}

export async function recoveryCodeAction(
  rawLocale: string,
  rawNext: string,
  _previous: VerifyFormState,
  formData: FormData,
): Promise<VerifyFormState> {
  return checkCode(RecoveryCodeSchema, (session, code) => redeemRecoveryCode(session, code), rawLocale, rawNext, formData);
}
