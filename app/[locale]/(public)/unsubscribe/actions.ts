'use server';

import { getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/errors';
import { UnsubscribeFormSchema } from '@/lib/unsubscribe/schemas';
import { ALL_TOPICS } from '@/lib/unsubscribe/tokens';
import { unsubscribeWithToken } from '@/lib/unsubscribe/unsubscribe';
import { readLocale } from '@/lib/validation';

export type UnsubscribeFormState = { status: 'idle' } | { status: 'done'; scope: 'topic' | 'all' } | { status: 'error'; message: string };

/** The POST behind the page's button: only a deliberate press unsubscribes, never a GET. */
export async function unsubscribeAction(
  rawLocale: string,
  _previous: UnsubscribeFormState,
  formData: FormData,
): Promise<UnsubscribeFormState> {
  const locale = readLocale(rawLocale);
  const t = await getTranslations({ locale, namespace: 'unsubscribe' });
  const parsed = UnsubscribeFormSchema.safeParse({ token: formData.get('token'), scope: formData.get('scope') });
  if (!parsed.success) return { status: 'error', message: t('invalidBody') };
  try {
    const result = await unsubscribeWithToken(parsed.data.token, parsed.data.scope);
    return { status: 'done', scope: result.topic === ALL_TOPICS ? 'all' : 'topic' };
  } catch (error) {
    if (isAppError(error, 'INVALID')) return { status: 'error', message: t('invalidBody') };
    throw error;
  }
}
