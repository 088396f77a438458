'use client';

import { useTranslations } from 'next-intl';
import { hasMessage } from '@/lib/i18n/dynamic-keys';

/**
 * A zod message key in the reader's language: the capability's own `<namespace>.errors` first, then
 * the shared `errors`. The client twin of lib/i18n/field-errors.ts.
 */
export function useErrorText(namespace: 'petitions' | 'events' | 'reforms' | null): (key: string) => string {
  const tOwn = useTranslations(namespace ? `${namespace}.errors` : 'errors');
  const tErrors = useTranslations('errors');
  return (key) => (hasMessage(tOwn, key) ? tOwn(key) : hasMessage(tErrors, key) ? tErrors(key) : tErrors('generic'));
}
