import { z } from 'zod';
import { normalCityKey } from '@/lib/events/city-key';
import { EVENT_TYPES, MAX_GUESTS_LIMIT, RESERVED_SLUGS } from '@/lib/events/constants';
import { DateKeySchema, KazakhstanDateTimeSchema } from '@/lib/time/schemas';
import {
  EmailSchema,
  FreeTextSchema,
  LineTextSchema,
  LOCALES,
  LocaleSchema,
  type LocalizedText,
  LocalizedLineSchema,
  LocalizedTextSchema,
  OptionalCheckboxSchema,
  OptionalLocalizedLineSchema,
  OptionalTextSchema,
  PersonNameSchema,
  PublicFormFields,
  RegionSchema,
  SlugSchema,
} from '@/lib/validation';

export const EventTypeSchema = z.enum(EVENT_TYPES, { message: 'invalidChoice' });

/** The RSVP form, shared by the client (zodResolver) and the server action (safeParse). */
export const RsvpSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  guests: z.coerce.number({ message: 'numberInvalid' }).int('numberInvalid').min(0, 'numberInvalid').max(MAX_GUESTS_LIMIT, 'guestsTooMany'),
  ...PublicFormFields,
});
export type RsvpInput = z.input<typeof RsvpSchema>;
export type RsvpData = z.output<typeof RsvpSchema>;

export const EventSlugSchema = SlugSchema.refine((slug) => !(RESERVED_SLUGS as readonly string[]).includes(slug), 'slugReserved');

const OptionalUrlSchema = LineTextSchema.max(500, 'tooLong')
  .optional()
  .refine((value) => !value || /^https?:\/\/[^\s]+$/i.test(value), 'urlInvalid')
  .transform((value) => (value ? value : null));

/** Checkbox lists arrive as one value or many (FormData.getAll); languages spoken at the event. */
const LanguagesSchema = z
  .union([LocaleSchema, z.array(LocaleSchema)], { message: 'languagesRequired' })
  .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
  .refine((value) => value.length > 0, 'languagesRequired')
  .transform((value) => LOCALES.filter((locale) => value.includes(locale)));

const OptionalLocalizedSchema = z
  .object({
    kk: FreeTextSchema.max(2000, 'tooLong').optional().default(''),
    ru: FreeTextSchema.max(2000, 'tooLong').optional().default(''),
    en: FreeTextSchema.max(2000, 'tooLong').optional().default(''),
  })
  .optional()
  .transform((value) => (value && (value.kk || value.ru || value.en) ? value : null));

const OptionalIntSchema = z
  .union([
    z.literal(''),
    z.coerce.number({ message: 'numberInvalid' }).int('numberInvalid').min(1, 'numberInvalid').max(1_000_000, 'numberInvalid'),
  ])
  .optional()
  .transform((value) => (value === '' || value === undefined ? null : value));

/** Where and when, shared by the console editor and the partner form; places and the organiser in each language (at least one). */
const EventPlaceTimeFields = {
  type: EventTypeSchema,
  startsAt: KazakhstanDateTimeSchema,
  endsAt: KazakhstanDateTimeSchema,
  region: RegionSchema,
  city: LocalizedLineSchema(80, 2),
  venue: OptionalLocalizedLineSchema(200),
  address: OptionalLocalizedLineSchema(300),
  mapUrl: OptionalUrlSchema,
  isOnline: OptionalCheckboxSchema,
  onlineUrl: OptionalUrlSchema,
  isOnlineLinkPrivate: OptionalCheckboxSchema,
  languages: LanguagesSchema,
  capacity: OptionalIntSchema,
  maxGuestsPerRsvp: z.coerce
    .number({ message: 'numberInvalid' })
    .int('numberInvalid')
    .min(0, 'numberInvalid')
    .max(MAX_GUESTS_LIMIT, 'numberInvalid')
    .default(2),
  organiserName: LocalizedLineSchema(200, 2),
};

type PlaceTime = { startsAt: Date; endsAt: Date; isOnline: boolean; onlineUrl: string | null; venue: LocalizedText | null };
const placeTimeChecks = (value: PlaceTime, context: z.RefinementCtx) => {
  if (value.endsAt <= value.startsAt) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsBeforeStarts' });
  if (value.isOnline && !value.onlineUrl) context.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'onlineUrlRequired' });
  if (!value.isOnline && !value.venue) context.addIssue({ code: 'custom', path: ['venue'], message: 'venueRequired' });
};

/** An event form: its own fields, then where and when (checked together; the spread fields are there by construction). */
const eventFormWith = <Fields extends z.ZodRawShape>(fields: Fields) =>
  z.object({ ...fields, ...EventPlaceTimeFields }).superRefine((value, context) => placeTimeChecks(value as unknown as PlaceTime, context));

/** The console's event editor. Times come from <input type="datetime-local"> in Kazakhstan time. */
export const EventFormSchema = eventFormWith({
  slug: EventSlugSchema,
  campaignId: LineTextSchema.min(1, 'required').max(40),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  accessibilityNotes: OptionalLocalizedSchema,
});
export type EventFormInput = z.input<typeof EventFormSchema>;
export type EventFormData = z.output<typeof EventFormSchema>;

/** The public "Submit your event" form: texts in the submitter's language; organizers translate. */
export const SubmitEventSchema = eventFormWith({
  title: LineTextSchema.min(3, 'tooShort').max(200, 'tooLong'),
  description: FreeTextSchema.min(10, 'tooShort').max(4000, 'tooLong'),
  accessibilityNotes: OptionalTextSchema(1000).transform((v) => v ?? null),
  submitterName: PersonNameSchema,
  submitterEmail: EmailSchema,
  ...PublicFormFields,
});
export type SubmitEventInput = z.input<typeof SubmitEventSchema>;
export type SubmitEventData = z.output<typeof SubmitEventSchema>;

export const CampaignFormSchema = z
  .object({
    slug: EventSlugSchema,
    name: LocalizedTextSchema,
    startsOn: DateKeySchema,
    endsOn: DateKeySchema,
  })
  .refine((value) => value.endsOn >= value.startsOn, { path: ['endsOn'], message: 'endsBeforeStarts' });
export type CampaignFormData = z.output<typeof CampaignFormSchema>;

export const RejectSchema = z.object({ reason: FreeTextSchema.min(5, 'tooShort').max(1000, 'tooLong') });
export const CancelEventSchema = z.object({ note: OptionalTextSchema(1000) });
/** A console action that takes no input but the button (approve, publish). */
export const NoInputSchema = z.object({});

const ignoreInvalid = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Calendar filters from the URL; a bad value is ignored rather than an error (URLs get shared and edited). `city` is a city key (lib/events/city-key.ts). */
export const CalendarFilterSchema = z.object({
  region: ignoreInvalid(RegionSchema),
  city: ignoreInvalid(LineTextSchema.min(1).max(80).transform(normalCityKey)),
  type: ignoreInvalid(EventTypeSchema),
  lang: ignoreInvalid(LocaleSchema),
  mode: ignoreInvalid(z.enum(['online', 'in-person'])),
});
export type CalendarFilter = z.output<typeof CalendarFilterSchema>;
