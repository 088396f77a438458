'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { liftSuppression, LiftSuppressionSchema } from '@/lib/bounces/record-bounce';
import { readLocale } from '@/lib/validation';

export async function liftSuppressionAction(rawLocale: string, formData: FormData) {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const parsed = LiftSuppressionSchema.safeParse({ supporterId: formData.get('supporterId') });
  const page = `/${locale}/console/mail-health/bounces`;
  const lifted = parsed.success && (await liftSuppression(parsed.data, organizer));
  revalidatePath(page);
  redirect(lifted ? `${page}?lifted=1` : page);
}
