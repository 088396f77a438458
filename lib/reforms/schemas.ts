import { z } from 'zod';
import { STAGES } from '@/lib/reforms/constants';
import { DateColumnSchema } from '@/lib/time/schemas';
import {
  EmailSchema,
  LineTextSchema,
  LocalizedTextSchema,
  OptionalLocalizedLineSchema,
  PublicFormFields,
  SlugSchema,
} from '@/lib/validation';

export const StageSchema = z.enum(STAGES, { message: 'invalidChoice' });
export const FrequencySchema = z.enum(['EACH', 'WEEKLY'], { message: 'invalidChoice' });

/** "all" or a reform id: what the subscriber follows. */
export const ScopeSchema = z
  .string({ message: 'invalidChoice' })
  .trim()
  .min(1, 'invalidChoice')
  .max(40, 'invalidChoice')
  .regex(/^(all|[a-z0-9]+)$/, 'invalidChoice');

/** "Get alerts", shared by the client form (zodResolver) and the server action (safeParse). */
export const SubscribeSchema = z.object({
  email: EmailSchema,
  scope: ScopeSchema,
  frequency: FrequencySchema,
  ...PublicFormFields,
});
export type SubscribeInput = z.input<typeof SubscribeSchema>;
export type SubscribeData = z.output<typeof SubscribeSchema>;

const LongLocalizedTextSchema = z.object({
  kk: LocalizedTextSchema.shape.kk.max(4000, 'tooLong'),
  ru: LocalizedTextSchema.shape.ru.max(4000, 'tooLong'),
  en: LocalizedTextSchema.shape.en.max(4000, 'tooLong'),
});

const ShortLocalizedTextSchema = z.object({
  kk: LocalizedTextSchema.shape.kk.max(200, 'tooLong'),
  ru: LocalizedTextSchema.shape.ru.max(200, 'tooLong'),
  en: LocalizedTextSchema.shape.en.max(200, 'tooLong'),
});

/** Console: create or edit a reform. The current stage follows the timeline, so it is not here. */
export const ReformSchema = z.object({
  slug: SlugSchema,
  title: ShortLocalizedTextSchema,
  summary: LongLocalizedTextSchema,
  petitionId: LineTextSchema.max(40, 'invalidChoice')
    .nullish()
    .transform((value) => (value ? value : null)),
});
export type ReformInput = z.input<typeof ReformSchema>;
export type ReformData = z.output<typeof ReformSchema>;

const SourceUrlSchema = LineTextSchema.max(500, 'tooLong')
  .optional()
  .refine((value) => !value || /^https?:\/\/[^\s<>"]+$/i.test(value), 'urlInvalid')
  .transform((value) => (value ? value : null));

/** Console: record a stage of a reform. */
export const RecordStageSchema = z.object({
  stage: StageSchema,
  occurredOn: DateColumnSchema,
  note: LongLocalizedTextSchema,
  sourceUrl: SourceUrlSchema,
  sourceLabel: OptionalLocalizedLineSchema(200),
});
export type RecordStageInput = z.input<typeof RecordStageSchema>;
export type RecordStageData = z.output<typeof RecordStageSchema>;
