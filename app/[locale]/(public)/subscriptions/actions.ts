'use server';

import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { savePreferences } from '@/lib/supporters/manage-preferences';
import { MANAGEABLE_TOPICS, PreferencesSchema } from '@/lib/supporters/schemas';
import { readLocale } from '@/lib/validation';

/** The token is the only key: whoever holds a mail's unsubscribe link may change that person's settings. */
export async function savePreferencesAction(rawLocale: string, formData: FormData) {
  const locale = readLocale(rawLocale);
  const token = String(formData.get('token') ?? '');
  const parsed = PreferencesSchema.safeParse({
    token,
    locale: formData.get('language'),
    topics: MANAGEABLE_TOPICS.filter((topic) => formData.get(`topic-${topic}`) === 'on'),
  });
  const page = `/${locale}/subscriptions?token=${encodeURIComponent(token)}`;
  if (!parsed.success) redirect(`${page}&error=1`);
  try {
    await savePreferences(parsed.data);
  } catch (error) {
    if (!isAppError(error)) throw error;
    redirect(`${page}&error=1`);
  }
  // The page continues in the language the person just chose.
  redirect(`/${parsed.data.locale}/subscriptions?token=${encodeURIComponent(token)}&saved=1`);
}
