import { z } from 'zod';
import { CITY_MAX, COMMENT_MAX } from '@/lib/petitions/constants';
import { OptionalKazakhstanDayOrDateTimeSchema } from '@/lib/time/schemas';
import { EmailSchema, FreeTextSchema, LocalizedTextSchema, OptionalCheckboxSchema, OptionalLineSchema } from '@/lib/validation';
import { OptionalTextSchema, PersonNameSchema, PublicFormFields, RegionSchema, SlugSchema } from '@/lib/validation';

/** The sign form, shared by the client (zodResolver) and the route handler (safeParse). */
export const SignPetitionSchema = z.object({
  fullName: PersonNameSchema,
  email: EmailSchema,
  region: RegionSchema,
  city: OptionalLineSchema(CITY_MAX),
  comment: OptionalTextSchema(COMMENT_MAX),
  isPublic: OptionalCheckboxSchema,
  wantsUpdates: OptionalCheckboxSchema,
  ...PublicFormFields,
});
export type SignPetitionInput = z.input<typeof SignPetitionSchema>;
export type SignPetitionData = z.output<typeof SignPetitionSchema>;

const MilestonesSchema = z
  .string()
  .trim()
  .max(200, 'tooLong')
  .refine((value) => value === '' || /^\d+(\s*,\s*\d+)*$/.test(value), 'milestonesInvalid')
  .transform((value) =>
    value === '' ? [] : [...new Set(value.split(',').map((part) => Number(part.trim())))].filter((n) => n > 0).sort((a, b) => a - b),
  );

/** The console's petition editor. Dates come from <input type="datetime-local"> (Kazakhstan time). */
export const PetitionFormSchema = z
  .object({
    slug: SlugSchema,
    title: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    body: LocalizedTextSchema,
    addressee: LocalizedTextSchema,
    goal: z.coerce.number({ message: 'numberInvalid' }).int('numberInvalid').min(1, 'numberInvalid').max(100_000_000, 'numberInvalid'),
    milestones: MilestonesSchema,
    opensAt: OptionalKazakhstanDayOrDateTimeSchema,
    closesAt: OptionalKazakhstanDayOrDateTimeSchema,
  })
  .refine((value) => !value.opensAt || !value.closesAt || value.closesAt > value.opensAt, {
    path: ['closesAt'],
    message: 'closesBeforeOpens',
  });
export type PetitionFormInput = z.input<typeof PetitionFormSchema>;
export type PetitionFormData = z.output<typeof PetitionFormSchema>;

export const TRANSITIONS = ['open', 'close', 'handOver', 'respond', 'reopen'] as const;

export const TransitionSchema = z.object({
  action: z.enum(TRANSITIONS, { message: 'invalidChoice' }),
  note: z.object({
    kk: FreeTextSchema.max(5000, 'tooLong').optional().default(''),
    ru: FreeTextSchema.max(5000, 'tooLong').optional().default(''),
    en: FreeTextSchema.max(5000, 'tooLong').optional().default(''),
  }),
  date: OptionalKazakhstanDayOrDateTimeSchema,
});
export type TransitionData = z.output<typeof TransitionSchema>;

export const BlockSchema = z.object({
  value: z
    .string({ message: 'required' })
    .trim()
    .toLowerCase()
    .min(3, 'tooShort')
    .max(254, 'tooLong')
    .regex(/^([^@\s]+@)?[a-z0-9.-]+\.[a-z]{2,}$/, 'blockInvalid'),
  note: OptionalTextSchema(200),
});
export type BlockData = z.output<typeof BlockSchema>;
