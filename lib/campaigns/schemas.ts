import { z } from 'zod';
import { LOCALES, LocaleSchema, RegionSchema } from '@/lib/validation';
import type { Locale } from '@/lib/generated/prisma/enums';
import { KazakhstanDateTimeSchema } from '@/lib/time/schemas';

/*
 * One schema per input: the console forms use them through zodResolver, the server actions and
 * domain functions through safeParse. Messages are keys of the `errors` namespace.
 */

const IdSchema = z.string({ message: 'required' }).trim().min(1, 'required').max(64, 'tooLong');

/** One source of people; the audience is the union of its sources. */
export const AudienceSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('updates') }),
  z.object({ type: z.literal('petition'), petitionId: IdSchema }),
  z.object({ type: z.literal('event'), eventId: IdSchema }),
  z.object({ type: z.literal('reform'), reformId: IdSchema }),
]);
export type AudienceSource = z.infer<typeof AudienceSourceSchema>;

/**
 * Union of `sources`, narrowed by region, language and tag (each: empty = no narrowing; several
 * values = any of them), always minus the unsubscribed, the bounced and those without consent.
 */
export const AudienceSchema = z.object({
  sources: z.array(AudienceSourceSchema).min(1, 'audienceEmpty').max(20, 'tooLong'),
  regions: z.array(RegionSchema).max(20).default([]),
  locales: z.array(LocaleSchema).max(3).default([]),
  tagIds: z.array(IdSchema).max(50).default([]),
});
export type Audience = z.infer<typeof AudienceSchema>;
export type AudienceInput = z.input<typeof AudienceSchema>;

const OptionalLocalized = (max: number) =>
  z.object({
    kk: z.string().trim().max(max, 'tooLong').default(''),
    ru: z.string().trim().max(max, 'tooLong').default(''),
    en: z.string().trim().max(max, 'tooLong').default(''),
  });

/** The compose form. A language counts as written when both its subject and body are filled. */
export const CampaignDraftSchema = z
  .object({
    name: z.string({ message: 'required' }).trim().min(1, 'required').max(120, 'tooLong'),
    subject: OptionalLocalized(200),
    body: OptionalLocalized(50_000),
    audience: AudienceSchema,
    useNeutralSender: z.boolean().default(false),
    subjectPrefix: z.string().trim().max(40, 'tooLong').default(''),
  })
  .superRefine((draft, ctx) => {
    const written = LOCALES.filter((locale) => draft.subject[locale] && draft.body[locale]);
    if (written.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['subject', 'ru'], message: 'campaignNeedsOneLanguage' });
    }
    for (const locale of LOCALES) {
      if (Boolean(draft.subject[locale]) !== Boolean(draft.body[locale])) {
        const path = draft.subject[locale] ? ['body', locale] : ['subject', locale];
        ctx.addIssue({ code: 'custom', path, message: 'required' });
      }
    }
  });
export type CampaignDraft = z.infer<typeof CampaignDraftSchema>;
export type CampaignDraftInput = z.input<typeof CampaignDraftSchema>;

const isFuture = (date: Date) => date.getTime() > Date.now();

export const ScheduleCampaignSchema = z.object({
  campaignId: IdSchema,
  /** ISO date-time; must be in the future. */
  scheduledAt: z.coerce.date({ message: 'dateInvalid' }).refine(isFuture, 'dateInPast'),
});
export type ScheduleCampaignInput = z.infer<typeof ScheduleCampaignSchema>;

/** The schedule form: the moment typed in Kazakhstan time (datetime-local), still to come. */
export const ScheduleFormSchema = z.object({
  campaignId: IdSchema,
  scheduledAt: KazakhstanDateTimeSchema.refine(isFuture, 'dateInPast'),
});
export type ScheduleFormInput = z.input<typeof ScheduleFormSchema>;
export type ScheduleFormData = z.output<typeof ScheduleFormSchema>;

export const CampaignIdSchema = z.object({ campaignId: IdSchema });

/** Locales a campaign was written in, in the order of LOCALES. */
export function writtenLocales(subject: Record<string, string>, body: Record<string, string>): Locale[] {
  return LOCALES.filter((locale) => Boolean(subject[locale]?.trim()) && Boolean(body[locale]?.trim()));
}
