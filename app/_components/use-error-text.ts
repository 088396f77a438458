'use client';

import { useTranslations } from 'next-intl';
import type { ErrorNamespace } from '@/lib/i18n/field-errors';

/**
 * A zod message key in the reader's language: the capability's own `<namespace>.errors` first, then
 * the shared `errors`. The client twin of lib/i18n/field-errors.ts.
 */
export function useErrorText(namespace: ErrorNamespace | null): (key: string) => string {
  const tOwn = useTranslations(namespace ? `${namespace}.errors` : 'errors');
  const tErrors = useTranslations('errors');
  return (key) => (tOwn.has(key) ? tOwn(key) : tErrors.has(key) ? tErrors(key) : tErrors('generic'));
}
