/** The text of a {kk, ru, en} Json column in `locale`, falling back to ru, then en, then kk. */
export function localized(value: unknown, locale: string): string {
  const text = (value ?? {}) as Record<string, string | undefined>;
  return text[locale] || text.ru || text.en || text.kk || '';
}
