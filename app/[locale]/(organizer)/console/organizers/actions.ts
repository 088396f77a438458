'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { sharedFormErrors } from '@/lib/i18n/field-errors';
import { inviteOrganizer } from '@/lib/organizers/invite-organizer';
import { removeOrganizer } from '@/lib/organizers/remove-organizer';
import { InviteOrganizerSchema, RemoveOrganizerSchema } from '@/lib/organizers/schemas';
import { fieldErrorKeys, readLocale, type FieldErrors } from '@/lib/validation';

export type InviteFormState = { fieldErrors?: FieldErrors; invitedEmail?: string };

const DOMAIN_ERRORS = ['alreadyInvited', 'cannotRemoveSelf', 'lastAdmin', 'organizerNotFound'] as const;
type DomainError = (typeof DOMAIN_ERRORS)[number];

function domainErrorOf(error: unknown): DomainError | undefined {
  if (!isAppError(error)) return undefined;
  return DOMAIN_ERRORS.find((key) => key === error.messageKey);
}

export async function inviteOrganizerAction(
  rawLocale: string,
  _previous: InviteFormState,
  formData: FormData,
): Promise<InviteFormState> {
  const locale = readLocale(rawLocale);
  const admin = await requireAdmin(locale);
  const parsed = InviteOrganizerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { fieldErrors: sharedFormErrors.translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
  }
  try {
    await inviteOrganizer(parsed.data, admin);
  } catch (error) {
    const key = domainErrorOf(error);
    if (!key) throw error;
    const t = await getTranslations({ locale, namespace: 'console.organizers.errors' });
    return { fieldErrors: { email: t(key) } };
  }
  revalidatePath(`/${locale}/console/organizers`);
  return { invitedEmail: parsed.data.email };
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
