import { z } from 'zod';
import { LineTextSchema, LocaleSchema, OptionalLineSchema, RegionSchema } from '@/lib/validation';

const IdSchema = LineTextSchema.min(1, 'required').max(64, 'tooLong');

export const ACTIVITIES = ['signed', 'rsvped', 'subscribed', 'mailed', 'none'] as const;

/** The supporter list's filter; the same filter drives bulk tagging. Empty strings mean "any". */
export const SupporterFilterSchema = z.object({
  q: OptionalLineSchema(200),
  tagId: IdSchema.optional().or(z.literal('').transform(() => undefined)),
  region: RegionSchema.optional().or(z.literal('').transform(() => undefined)),
  locale: LocaleSchema.optional().or(z.literal('').transform(() => undefined)),
  activity: z
    .enum(ACTIVITIES, { message: 'invalidChoice' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type SupporterFilter = z.infer<typeof SupporterFilterSchema>;

export const TagNameSchema = LineTextSchema.min(1, 'required').max(60, 'tooLong');

export const TagSupporterSchema = z.object({ supporterId: IdSchema, name: TagNameSchema });
export const UntagSupporterSchema = z.object({ supporterId: IdSchema, tagId: IdSchema });
export const BulkTagSchema = SupporterFilterSchema.extend({ name: TagNameSchema });
export const SupporterIdSchema = z.object({ supporterId: IdSchema });

/** Topics a person can switch on and off on the public subscriptions page. */
export const MANAGEABLE_TOPICS = ['campaigns', 'petitions', 'reforms', 'events'] as const;
export type ManageableTopic = (typeof MANAGEABLE_TOPICS)[number];

export const PreferencesSchema = z.object({
  token: z.string().min(10).max(512),
  locale: LocaleSchema,
  topics: z.array(z.enum(MANAGEABLE_TOPICS)).default([]),
});
export type PreferencesInput = z.input<typeof PreferencesSchema>;
