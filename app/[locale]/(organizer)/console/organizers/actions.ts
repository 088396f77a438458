'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAdmin, requireFreshSecondFactor, verifyPath } from '@/lib/auth';
import { endAllSessionsOf } from '@/lib/auth/sessions';
import { isStepUpRequired } from '@/lib/auth/step-up';
import { isAppError } from '@/lib/errors';
import { changeOrganizerRole } from '@/lib/organizers/change-organizer-role';
import { inviteOrganizer } from '@/lib/organizers/invite-organizer';
import { removeOrganizer } from '@/lib/organizers/remove-organizer';
import {
  ChangeOrganizerRoleSchema,
  EndOrganizerSessionsSchema,
  InviteOrganizerSchema,
  RemoveOrganizerSchema,
} from '@/lib/organizers/schemas';
import { formInput, type FormState } from '@/lib/i18n/field-errors';
import { formStateForError, invalidFormState } from '@/lib/organizers/field-errors';
import { readLocale } from '@/lib/validation';

const DOMAIN_ERRORS = ['alreadyInvited', 'cannotRemoveSelf', 'lastAdmin', 'organizerNotFound'] as const;
type DomainError = (typeof DOMAIN_ERRORS)[number];

const organizersPage = (locale: string) => `/${locale}/console/organizers`;

function domainErrorOf(error: unknown): DomainError | undefined {
  if (!isAppError(error)) return undefined;
  return DOMAIN_ERRORS.find((key) => key === error.messageKey);
}

/**
 * Runs a change to who may use the console and comes back to the list with a notice (`done`), or
 * with the domain error the admin can act on. A second factor that went stale meanwhile sends the
 * admin to confirm it and back here.
 */
async function changeAndReturn(locale: string, change: () => Promise<unknown>, done: string): Promise<never> {
  const page = organizersPage(locale);
  let problem: DomainError | undefined;
  try {
    await change();
  } catch (error) {
    if (isStepUpRequired(error)) redirect(verifyPath(locale, page));
    problem = domainErrorOf(error);
    if (!problem) throw error;
  }
  revalidatePath(page);
  redirect(problem ? `${page}?error=${problem}` : `${page}?${done}=1`);
}

/** Invites an organizer; the form stays, with a notice naming who was invited. */
export async function inviteOrganizerAction(rawLocale: string, _state: FormState, formData: FormData): Promise<FormState> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdmin(locale);
  await requireFreshSecondFactor(admin, locale, organizersPage(locale));
  const parsed = InviteOrganizerSchema.safeParse(formInput(formData));
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  try {
    await inviteOrganizer(parsed.data, admin);
  } catch (error) {
    if (isStepUpRequired(error)) redirect(verifyPath(locale, organizersPage(locale)));
    return formStateForError(error, locale, formData);
  }
  revalidatePath(organizersPage(locale));
  const t = await getTranslations({ locale, namespace: 'console.organizers' });
  return { ok: true, notice: t('invited', { email: parsed.data.email }) };
}

export async function removeOrganizerAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdmin(locale);
  await requireFreshSecondFactor(admin, locale, organizersPage(locale));
  const parsed = RemoveOrganizerSchema.safeParse(formInput(formData));
  if (!parsed.success) redirect(`${organizersPage(locale)}?error=organizerNotFound`);
  await changeAndReturn(locale, () => removeOrganizer(parsed.data, admin), 'removed');
}

export async function changeOrganizerRoleAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdmin(locale);
  await requireFreshSecondFactor(admin, locale, organizersPage(locale));
  const parsed = ChangeOrganizerRoleSchema.safeParse(formInput(formData));
  if (!parsed.success) redirect(`${organizersPage(locale)}?error=organizerNotFound`);
  await changeAndReturn(locale, () => changeOrganizerRole(parsed.data, admin), 'roleChanged');
}

/** Signs an organizer out everywhere: it only takes access away, so no fresh factor is asked. */
export async function endOrganizerSessionsAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdmin(locale);
  const parsed = EndOrganizerSessionsSchema.safeParse(formInput(formData));
  if (!parsed.success) redirect(`${organizersPage(locale)}?error=organizerNotFound`);
  await changeAndReturn(locale, () => endAllSessionsOf(parsed.data.userId, admin), 'sessionsEnded');
}
