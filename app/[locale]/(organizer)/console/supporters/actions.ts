'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { eraseSupporter } from '@/lib/supporters/erase-supporter';
import { BulkTagSchema, SupporterIdSchema, TagSupporterSchema, UntagSupporterSchema } from '@/lib/supporters/schemas';
import { tagSupporter, tagSupportersByFilter, untagSupporter } from '@/lib/supporters/tag-supporters';
import { readLocale } from '@/lib/validation';

const base = (locale: string) => `/${locale}/console/supporters`;
const fields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string'));

export async function tagSupporterAction(rawLocale: string, formData: FormData) {
  const locale = readLocale(rawLocale);
  await requireOrganizerForAction();
  const parsed = TagSupporterSchema.safeParse(fields(formData));
  const page = `${base(locale)}/${String(formData.get('supporterId') ?? '')}`;
  if (!parsed.success) redirect(`${page}?error=tagInvalid`);
  await tagSupporter(parsed.data);
  revalidatePath(page);
  redirect(page);
}

export async function untagSupporterAction(rawLocale: string, formData: FormData) {
  const locale = readLocale(rawLocale);
  await requireOrganizerForAction();
  const parsed = UntagSupporterSchema.safeParse(fields(formData));
  const page = `${base(locale)}/${String(formData.get('supporterId') ?? '')}`;
  if (parsed.success) await untagSupporter(parsed.data);
  revalidatePath(page);
  redirect(page);
}

export async function bulkTagAction(rawLocale: string, formData: FormData) {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const values = fields(formData);
  const parsed = BulkTagSchema.safeParse(values);
  const query = new URLSearchParams(Object.entries(values).filter(([key]) => key !== 'name') as Array<[string, string]>);
  if (!parsed.success) redirect(`${base(locale)}?${query}&error=tagInvalid`);
  const added = await tagSupportersByFilter(parsed.data, organizer);
  revalidatePath(base(locale));
  redirect(`${base(locale)}?${query}&tagged=${added}`);
}

export async function eraseSupporterAction(rawLocale: string, formData: FormData) {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction({ freshFactor: true });
  const parsed = SupporterIdSchema.safeParse(fields(formData));
  if (!parsed.success) redirect(base(locale));
  const page = `${base(locale)}/${parsed.data.supporterId}`;
  if (formData.get('confirm') !== 'on') redirect(`${page}?error=confirmErase`);
  try {
    await eraseSupporter(parsed.data.supporterId, organizer);
  } catch (error) {
    if (!isAppError(error)) throw error;
    redirect(base(locale));
  }
  revalidatePath(page);
  redirect(`${page}?erased=1`);
}
