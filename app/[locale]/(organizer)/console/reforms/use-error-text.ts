'use client';

import { useTranslations } from 'next-intl';
import enReforms from '@/messages/en/reforms.json';

const OWN_ERROR_KEYS = new Set(Object.keys(enReforms.errors));

/** A zod message key in the reader's language (reforms.errors first, then the shared errors). */
export function useErrorText(): (key: string) => string {
  const t = useTranslations('reforms.errors');
  const tErrors = useTranslations('errors');
  return (key) => (OWN_ERROR_KEYS.has(key) ? t(key as never) : tErrors.has(key as never) ? tErrors(key as never) : tErrors('generic'));
}
