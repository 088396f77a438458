'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { redirect } from 'next/navigation';
import { enrolPath, requireSignedInForAction, verifyPath } from '@/lib/auth';
import type { OrganizerSession } from '@/lib/auth/organizer-session';
import { passkeyRegistrationOptions, registerPasskey } from '@/lib/auth/passkeys';
import { PasskeyNameSchema, TotpCodeSchema } from '@/lib/auth/schemas';
import { isStepUpRequired } from '@/lib/auth/step-up';
import { confirmTotpEnrolment, startTotpEnrolment } from '@/lib/auth/totp';
import { isAppError } from '@/lib/errors';
import { sharedFormErrors, type FormFailure } from '@/lib/i18n/field-errors';
import type { AppLocale } from '@/lib/i18n/routing';
import { readLocale } from '@/lib/validation';

export type EnrolFormState = FormFailure | null;
/** Where the browser goes next: the security page once a factor is added, the check page when a fresh factor is needed first. */
export type GoTo = { ok: true; goTo: string };
export type PasskeyCreationResult = { ok: true; options: PublicKeyCredentialCreationOptionsJSON } | GoTo | FormFailure;

/** The security page makes recovery codes; `enrolled` tells it the first factor was just set up. */
function afterEnrolment(locale: AppLocale, session: OrganizerSession): string {
  return `/${locale}/console/security${session.hasSecondFactor ? '' : '?enrolled=1'}`;
}

/** Adding a factor next to another one needs a fresh check first, then back here. */
function confirmFirst(locale: AppLocale): string {
  return verifyPath(locale, enrolPath(locale));
}

/** Step one of adding a passkey: options and a challenge kept on this session. */
export async function passkeyCreationOptionsAction(rawLocale: string): Promise<PasskeyCreationResult> {
  const locale = readLocale(rawLocale);
  const session = await requireSignedInForAction();
  try {
    return { ok: true, options: await passkeyRegistrationOptions(session) };
  } catch (error) {
    if (isStepUpRequired(error)) return { ok: true, goTo: confirmFirst(locale) };
    return sharedFormErrors.formStateForError(error, locale);
  }
}

/** Step two: the passkey the browser created, under the name typed. The browser goes on by itself. */
export async function registerPasskeyAction(rawLocale: string, rawName: unknown, response: unknown): Promise<GoTo | FormFailure> {
  const locale = readLocale(rawLocale);
  const session = await requireSignedInForAction();
  const parsed = PasskeyNameSchema.safeParse({ name: rawName });
  if (!parsed.success) return sharedFormErrors.invalidFormState(parsed.error, locale);
  try {
    await registerPasskey(session, response, parsed.data.name);
  } catch (error) {
    if (isStepUpRequired(error)) return { ok: true, goTo: confirmFirst(locale) };
    return sharedFormErrors.formStateForError(error, locale);
  }
  return { ok: true, goTo: afterEnrolment(locale, session) };
}

/** A new secret for an authenticator app; the page then shows its QR code and asks for a first code. */
export async function startTotpAction(rawLocale: string): Promise<void> {
  const locale = readLocale(rawLocale);
  const session = await requireSignedInForAction();
  try {
    await startTotpEnrolment(session);
  } catch (error) {
    if (isStepUpRequired(error)) redirect(confirmFirst(locale));
    // An app already set up (pressed twice, or in another tab): the page says so.
    if (!isAppError(error) || error.messageKey !== 'totpAlreadySet') throw error;
  }
  redirect(enrolPath(locale));
}

export async function confirmTotpAction(rawLocale: string, _previous: EnrolFormState, formData: FormData): Promise<EnrolFormState> {
  const locale = readLocale(rawLocale);
  const session = await requireSignedInForAction();
  const parsed = TotpCodeSchema.safeParse({ code: formData.get('code') ?? '' });
  if (!parsed.success) return sharedFormErrors.invalidFormState(parsed.error, locale, formData);
  try {
    await confirmTotpEnrolment(session, parsed.data.code);
  } catch (error) {
    if (isStepUpRequired(error)) redirect(confirmFirst(locale));
    return sharedFormErrors.formStateForError(error, locale, formData);
  }
  redirect(afterEnrolment(locale, session));
}
