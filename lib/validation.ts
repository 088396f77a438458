import { z } from 'zod';
import { Locale, Region } from '@/lib/generated/prisma/enums';

/*
 * Field schemas reused by every capability. Validation messages are keys of the `errors`
 * message namespace (messages/<locale>/errors.json), translated where they are shown, so one
 * schema serves the client form (zodResolver) and the server (safeParse) in every language.
 */

export const LOCALES = ['kk', 'ru', 'en'] as const satisfies readonly Locale[];
export const LocaleSchema = z.enum(LOCALES, { message: 'invalidChoice' });

export const REGIONS = Object.values(Region);
export const RegionSchema = z.enum(Region, { message: 'regionRequired' });

export const EmailSchema = z
  .string({ message: 'required' })
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(254, 'tooLong')
  .pipe(z.email({ message: 'emailInvalid' }));

export const PersonNameSchema = z
  .string({ message: 'required' })
  .trim()
  .min(2, 'nameTooShort')
  .max(100, 'tooLong');

export const OptionalTextSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((value) => (value ? value : undefined));

/** A checkbox that must be ticked; HTML forms send "on". */
export const RequiredConsentSchema = z
  .union([z.literal(true), z.literal('on'), z.literal('true')], { message: 'consentRequired' })
  .transform(() => true as const);

export const OptionalCheckboxSchema = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

/** Text per language, as stored in Json columns: { kk, ru, en }. */
export const LocalizedTextSchema = z.object({
  kk: z.string().trim().min(1, 'required'),
  ru: z.string().trim().min(1, 'required'),
  en: z.string().trim().min(1, 'required'),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

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
