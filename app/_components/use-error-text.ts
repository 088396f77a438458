'use client';

import { useTranslations } from 'next-intl';
import type { ErrorNamespace } from '@/lib/i18n/field-errors';

type LooseTranslator = { (key: string): string; has(key: string): boolean };

/**
 * A zod message key in the reader's language: the capability's own `<namespace>.errors` first, then
 * the shared `errors`. The client twin of lib/i18n/field-errors.ts.
 */
export function useErrorText(namespace: ErrorNamespace | null): (key: string) => string {
  // Which namespace is known only at run time, and so are the keys (zod messages, AppError keys):
  // this hook is the boundary where a plain string is looked up, always after has().
  const tOwn = useTranslations(namespace ? `${namespace}.errors` : 'errors') as unknown as LooseTranslator;
  const tErrors = useTranslations('errors') as unknown as LooseTranslator;
  return (key) => (tOwn.has(key) ? tOwn(key) : tErrors.has(key) ? tErrors(key) : tErrors('generic'));
}
