'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { inviteOrganizer } from '@/lib/organizers/invite-organizer';
import { removeOrganizer } from '@/lib/organizers/remove-organizer';
import { InviteOrganizerSchema, RemoveOrganizerSchema } from '@/lib/organizers/schemas';
import { formInput, type FormState } from '@/lib/i18n/field-errors';
import { formStateForError, invalidFormState } from '@/lib/organizers/field-errors';
import { readLocale } from '@/lib/validation';

const DOMAIN_ERRORS = ['alreadyInvited', 'cannotRemoveSelf', 'lastAdmin', 'organizerNotFound'] as const;
type DomainError = (typeof DOMAIN_ERRORS)[number];

function domainErrorOf(error: unknown): DomainError | undefined {
  if (!isAppError(error)) return undefined;
  return DOMAIN_ERRORS.find((key) => key === error.messageKey);
}

/** Invites an organizer; the form stays, with a notice naming who was invited. */
export async function inviteOrganizerAction(rawLocale: string, _state: FormState, formData: FormData): Promise<FormState> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdmin(locale);
  const parsed = InviteOrganizerSchema.safeParse(formInput(formData));
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  try {
    await inviteOrganizer(parsed.data, admin);
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/console/organizers`);
  const t = await getTranslations({ locale, namespace: 'console.organizers' });
  return { ok: true, notice: t('invited', { email: parsed.data.email }) };
}

export async function removeOrganizerAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdmin(locale);
  const parsed = RemoveOrganizerSchema.safeParse({ userId: formData.get('userId') ?? '' });
  const page = `/${locale}/console/organizers`;
  if (!parsed.success) redirect(`${page}?error=organizerNotFound`);

  let problem: DomainError | undefined;
  try {
    await removeOrganizer(parsed.data, admin);
  } catch (error) {
    problem = domainErrorOf(error);
    if (!problem) throw error;
  }
  revalidatePath(page);
  redirect(problem ? `${page}?error=${problem}` : `${page}?removed=1`);
}
