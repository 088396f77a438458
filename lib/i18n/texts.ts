/*
 * Texts for the client components of public pages, translated by the server component that renders
 * them: public pages load no translator in the browser (docs/conventions.md). Each folder keeps the
 * key lists in a plain `client-texts.ts` (with the function that translates a form's texts where two
 * pages render it), not in the client component's own module: a server component cannot read a
 * value from a client module.
 */

import type { ErrorTexts } from '@/lib/i18n/field-errors';

/** `{ key: t(key) }` for each key. A text with values is translated with them by the caller instead. */
export function textsFor<const Key extends string>(t: (key: Key) => string, keys: readonly Key[]): Record<Key, string> {
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as Record<Key, string>;
}

/** A plural text for a client that counts: one template per plural category, its values left as `{name}`. */
export type PluralTemplates = Partial<Record<Intl.LDMLPluralRule, string>>;

/**
 * `format(n)` for a whole number of each plural category of `locale` (the message's values given as
 * "{name}", to be filled by `fillPlural`). Only for messages whose cases are categories (one, few,
 * many, other), not exact numbers like `=0`.
 */
export function pluralTemplates(locale: string, format: (count: number) => string): PluralTemplates {
  const rules = new Intl.PluralRules(locale);
  const templates: PluralTemplates = {};
  for (let count = 0; count <= 200; count++) templates[rules.select(count)] ??= format(count);
  return templates;
}

/** `template` with each `{name}` replaced by its value. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/**
 * The text of `templates` for `count`. A browser without the locale's plural rules (Debian's
 * Chromium has no Kazakh data) uses English ones: `other` stands in for what it lacks.
 */
export function fillPlural(templates: PluralTemplates, locale: string, count: number, values: Record<string, string>): string {
  const template = templates[new Intl.PluralRules(locale).select(count)] ?? templates.other ?? '';
  return fillTemplate(template, values);
}

/** An error's text from the texts the server gave (`errorTexts` of lib/i18n/field-errors.ts), `generic` for an unknown key. */
export function errorTextFrom(texts: ErrorTexts): (key: string) => string {
  return (key) => (Object.hasOwn(texts, key) ? texts[key]! : (texts.generic ?? key));
}
