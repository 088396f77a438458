import type { Locale } from '@/lib/generated/prisma/enums';

/**
 * The languages of Dauys, the default (Kazakh) first. Apart from lib/validation so that the pages
 * whose only client code is the language switcher ship no zod.
 */
export const LOCALES = ['kk', 'ru', 'en'] as const satisfies readonly Locale[];
