import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/generated/prisma/enums';

/**
 * Each person gets the mail in their own language; when the campaign was not written in it, the
 * first written language in this order: Russian (understood most widely in Kazakhstan), Kazakh,
 * English.
 */
export const FALLBACK_ORDER: readonly Locale[] = ['ru', 'kk', 'en'];

export function resolveLocale(preferred: Locale, written: readonly Locale[]): Locale {
  if (written.includes(preferred)) return preferred;
  const fallback = FALLBACK_ORDER.find((locale) => written.includes(locale));
  if (!fallback) throw new Error('A campaign needs at least one written language');
  return fallback;
}

/** The same rule as resolveLocale, as a SQL expression over a supporter's locale column. */
export function resolveLocaleSql(column: Prisma.Sql, written: readonly Locale[]): Prisma.Sql {
  const fallback = resolveLocale('ru', written);
  const writtenList = Prisma.join(written.map((locale) => Prisma.sql`${locale}::"Locale"`));
  return Prisma.sql`CASE WHEN ${column} IN (${writtenList}) THEN ${column} ELSE ${fallback}::"Locale" END`;
}
