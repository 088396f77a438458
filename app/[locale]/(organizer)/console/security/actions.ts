'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAdminForAction, requireFreshSecondFactor, requireOrganizerForAction, verifyPath } from '@/lib/auth';
import { removePasskey } from '@/lib/auth/passkeys';
import { replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { EndSessionSchema, RemovePasskeySchema, SecuritySettingsSchema } from '@/lib/auth/schemas';
import { saveSecuritySettings } from '@/lib/auth/security-settings';
import { endOwnSession } from '@/lib/auth/sessions';
import { isStepUpRequired } from '@/lib/auth/step-up';
import { removeTotp } from '@/lib/auth/totp';
import { isAppError } from '@/lib/errors';
import { formInput, sharedFormErrors, type FormFailure, type FormState } from '@/lib/i18n/field-errors';
import { readLocale } from '@/lib/validation';
import { signOutAction } from '../../actions';

const securityPage = (locale: string) => `/${locale}/console/security`;

/** What the recovery-codes form gets back: the new codes, shown once on the page (never in a URL). */
export type RecoveryCodesState = FormFailure | { ok: true; codes: string[] } | null;

/**
 * Runs a change to the organizer's own security. The session's factor was checked up front; when the
 * domain function still finds it stale (the window ran out meanwhile), the organizer confirms it and comes back.
 */
async function withStepUp<T>(locale: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isStepUpRequired(error)) redirect(verifyPath(locale, securityPage(locale)));
    throw error;
  }
}

/** Back to the page with a notice, or with what went wrong when the thing was already gone. */
async function backToPage(locale: string, change: () => Promise<unknown>, done: string, notFound: string): Promise<never> {
  let outcome = `done=${done}`;
  try {
    await withStepUp(locale, change);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
    outcome = `error=${notFound}`;
  }
  revalidatePath(securityPage(locale));
  redirect(`${securityPage(locale)}?${outcome}`);
}

export async function removePasskeyAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  await requireFreshSecondFactor(organizer, locale, securityPage(locale));
  const parsed = RemovePasskeySchema.safeParse(formInput(formData));
  if (!parsed.success) redirect(`${securityPage(locale)}?error=factorNotFound`);
  await backToPage(locale, () => removePasskey(organizer, parsed.data.passkeyId), 'passkeyRemoved', 'factorNotFound');
}

export async function removeTotpAction(rawLocale: string): Promise<void> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  await requireFreshSecondFactor(organizer, locale, securityPage(locale));
  await backToPage(locale, () => removeTotp(organizer), 'appRemoved', 'factorNotFound');
}

/** Ends one of the organizer's sessions; ending this one is signing out here. Ending sessions only takes access away: no fresh factor. */
export async function endSessionAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const parsed = EndSessionSchema.safeParse(formInput(formData));
  if (!parsed.success) redirect(`${securityPage(locale)}?error=sessionNotFound`);
  if (parsed.data.sessionId === organizer.sessionId) {
    await endOwnSession(organizer, organizer.sessionId);
    await signOutAction(locale);
  }
  await backToPage(locale, () => endOwnSession(organizer, parsed.data.sessionId), 'sessionEnded', 'sessionNotFound');
}

export async function replaceRecoveryCodesAction(
  rawLocale: string,
  _state: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  await requireFreshSecondFactor(organizer, locale, securityPage(locale));
  try {
    const codes = await withStepUp(locale, () => replaceRecoveryCodes(organizer));
    revalidatePath(securityPage(locale));
    return { ok: true, codes };
  } catch (error) {
    return sharedFormErrors.formStateForError(error, locale, formData);
  }
}

export async function saveSecuritySettingsAction(rawLocale: string, _state: FormState, formData: FormData): Promise<FormState> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdminForAction();
  await requireFreshSecondFactor(admin, locale, securityPage(locale));
  const parsed = SecuritySettingsSchema.safeParse(formInput(formData));
  if (!parsed.success) return sharedFormErrors.invalidFormState(parsed.error, locale, formData);
  try {
    await withStepUp(locale, () => saveSecuritySettings(parsed.data, admin));
  } catch (error) {
    return sharedFormErrors.formStateForError(error, locale, formData);
  }
  revalidatePath(securityPage(locale));
  const t = await getTranslations({ locale, namespace: 'console.security.settings' });
  return { ok: true, notice: t('saved') };
}
