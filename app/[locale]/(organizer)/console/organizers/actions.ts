'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { requireAdminForAction, requireFreshSecondFactor, verifyPath, type Organizer } from '@/lib/auth';
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

const DOMAIN_ERRORS = ['alreadyInvited', 'cannotRemoveSelf', 'lastAdmin', 'organizerNotFound', 'roleUnchanged'] as const;
type DomainError = (typeof DOMAIN_ERRORS)[number];

const organizersPage = (locale: string) => `/${locale}/console/organizers`;

function domainErrorOf(error: unknown): DomainError | undefined {
  if (!isAppError(error)) return undefined;
  return DOMAIN_ERRORS.find((key) => key === error.messageKey);
}

/**
 * A change an admin makes from a row of the list: the row's form is parsed, the change runs, and
 * the list comes back with a notice (`done`) or the domain error the admin can act on. With
 * `freshFactor`, an admin whose second factor is stale confirms it first and comes back here (also
 * when it went stale between this check and the domain function's own).
 */
async function changeFromRow<Input>(
  rawLocale: string,
  formData: FormData,
  schema: z.ZodType<Input>,
  change: (input: Input, admin: Organizer) => Promise<unknown>,
  { done, freshFactor }: { done: 'removed' | 'roleChanged' | 'sessionsEnded'; freshFactor: boolean },
): Promise<void> {
  const locale = readLocale(rawLocale);
  const page = organizersPage(locale);
  const admin = await requireAdminForAction();
  if (freshFactor) await requireFreshSecondFactor(admin, locale, page);
  const parsed = schema.safeParse(formInput(formData));
  if (!parsed.success) redirect(`${page}?error=organizerNotFound`);
  let problem: DomainError | undefined;
  try {
    await change(parsed.data, admin);
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
  const admin = await requireAdminForAction();
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
  await changeFromRow(rawLocale, formData, RemoveOrganizerSchema, removeOrganizer, { done: 'removed', freshFactor: true });
}

export async function changeOrganizerRoleAction(rawLocale: string, formData: FormData): Promise<void> {
  await changeFromRow(rawLocale, formData, ChangeOrganizerRoleSchema, changeOrganizerRole, { done: 'roleChanged', freshFactor: true });
}

/** Signs an organizer out everywhere: it only takes access away, so no fresh factor is asked. */
export async function endOrganizerSessionsAction(rawLocale: string, formData: FormData): Promise<void> {
  await changeFromRow(rawLocale, formData, EndOrganizerSessionsSchema, (input, admin) => endAllSessionsOf(input.userId, admin), {
    done: 'sessionsEnded',
    freshFactor: false,
  });
}
