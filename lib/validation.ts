import { z } from 'zod';
import { Region } from '@/lib/generated/prisma/enums';
import { LOCALES } from '@/lib/i18n/locales';

// Without this, zod's first parse probes whether it may compile parsers with `new Function`: the
// pages' policy forbids eval, so every browser reported a blocked eval (a CSP violation) on each page.
z.config({ jitless: true });

/*
 * Field schemas reused by every capability. Validation messages are keys of the `errors`
 * message namespace (messages/<locale>/errors.json), translated where they are shown, so one
 * schema serves the client form (zodResolver) and the server (safeParse) in every language.
 */

export { LOCALES };
export const LocaleSchema = z.enum(LOCALES, { message: 'invalidChoice' });

/** The locale in an untrusted value (URL segment, query, body); anything else is the fallback, Kazakh unless told. */
export function readLocale(value: unknown, fallback: (typeof LOCALES)[number] = 'kk'): (typeof LOCALES)[number] {
  const parsed = LocaleSchema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

export const REGIONS = Object.values(Region);
export const RegionSchema = z.enum(Region, { message: 'regionRequired' });

/*
 * What no typed text may carry: NUL (PostgreSQL refuses it in text), the other C0 and C1 control
 * characters and DEL (terminal escapes, header and log injection), the bidi overrides and isolates
 * that make text read in another order than it is stored (Trojan Source, CVE-2021-42574), and lone
 * surrogates, which are no character at all. One-line fields refuse them, and line breaks too;
 * free text keeps its newlines and tabs and silently drops the rest.
 */
const NOT_IN_LINE = /\p{Cc}|[\u2028\u2029\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const NOT_IN_TEXT = /(?![\n\t])\p{Cc}|[\u202A-\u202E\u2066-\u2069]|\p{Cs}/gu;

export function isOneLine(value: string): boolean {
  return !NOT_IN_LINE.test(value);
}

/** Free text as stored: \n line ends, no controls but \n and \t, no bidi overrides or isolates. */
export function cleanFreeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(NOT_IN_TEXT, '');
}

/** One line a person typed (a name, a city, a title); chain .min/.max for its limits. */
export const LineTextSchema = z.string({ message: 'required' }).trim().refine(isOneLine, 'invalidCharacters');

/** Text that may run over several lines (a comment, a description); chain .min/.max for its limits. */
export const FreeTextSchema = z.string({ message: 'required' }).overwrite(cleanFreeText).trim();

export const EmailSchema = z
  .string({ message: 'required' })
  .trim()
  .toLowerCase()
  .refine(isOneLine, 'invalidCharacters')
  .min(1, 'required')
  .max(254, 'tooLong')
  .pipe(z.email({ message: 'emailInvalid' }));

export const PersonNameSchema = LineTextSchema.min(2, 'nameTooShort').max(100, 'tooLong');

/** An optional one-line field (a city, a venue); empty is undefined. */
export const OptionalLineSchema = (max: number) =>
  LineTextSchema.max(max, 'tooLong')
    .optional()
    .transform((value) => (value ? value : undefined));

/** An optional free-text field (a comment, a note); empty is undefined. */
export const OptionalTextSchema = (max: number) =>
  FreeTextSchema.max(max, 'tooLong')
    .optional()
    .transform((value) => (value ? value : undefined));

/** URL names of petitions, events, campaigns and reforms: lower-case words joined by hyphens. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 80;

/**
 * Whether a slug from a URL can name anything at all. Anything else is a 404 before it reaches a
 * cache, the database or a response header (Next.js hands route params over percent-decoded, NUL
 * bytes included, which PostgreSQL refuses with an error).
 */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SLUG_MAX && SLUG_PATTERN.test(value);
}

/** A slug typed in a console form (a new petition, event or reform): trimmed and lower-cased. */
export const SlugSchema = z
  .string({ message: 'required' })
  .trim()
  .toLowerCase()
  .min(3, 'tooShort')
  .max(SLUG_MAX, 'tooLong')
  .regex(SLUG_PATTERN, 'slugInvalid');

/**
 * A checkbox that must be ticked; HTML forms send "on". Not a union: the browser's zodResolver
 * reports a union's first branch error ("expected true"), not the union's own message.
 */
export const RequiredConsentSchema = z
  .unknown()
  .refine((value) => value === true || value === 'on' || value === 'true', { message: 'consentRequired' })
  .transform(() => true as const);

/**
 * The fields every public form ends with: the consent box, the language the person reads (their
 * mail comes in it), and the honeypot (hidden from people, filled by naive bots; see docs/conventions.md).
 */
export const PublicFormFields = {
  consent: RequiredConsentSchema,
  locale: LocaleSchema,
  website: z.string().max(500).optional(),
};

export const OptionalCheckboxSchema = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

/** Text per language, as stored in Json columns: { kk, ru, en }. */
export const LocalizedTextSchema = z.object({
  kk: FreeTextSchema.min(1, 'required'),
  ru: FreeTextSchema.min(1, 'required'),
  en: FreeTextSchema.min(1, 'required'),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const localizedLines = (max: number, min: number) => {
  const line = LineTextSchema.max(max, 'tooLong')
    .refine((value) => value === '' || value.length >= min, 'tooShort')
    .optional()
    .default('');
  return z.object({ kk: line, ru: line, en: line }, { message: 'required' });
};
const hasAnyForm = (value: LocalizedText) => Boolean(value.kk || value.ru || value.en);

/**
 * One line per language, { kk, ru, en } (a city, a venue, an organiser, a source), at least one of
 * them filled: a partner may write in their language only, and readers of the others read that one
 * (`localized()`). A form left empty is stored as ''.
 */
export const LocalizedLineSchema = (max: number, min = 1) => localizedLines(max, min).refine(hasAnyForm, 'required');

/** Like LocalizedLineSchema, but may be left empty in every language: then it is null. */
export const OptionalLocalizedLineSchema = (max: number) =>
  localizedLines(max, 1)
    .optional()
    .transform((value) => (value && hasAnyForm(value) ? value : null));

export type FieldErrors = Record<string, string>;

/** Maps a failed parse to { field: messageKey }, first problem per field. */
export function fieldErrorKeys(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    result[field] ??= issue.message;
  }
  return result;
}
