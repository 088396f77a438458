import { z } from 'zod';

export const MAX_HOTLINES = 20;

const text = (max: number) => z.string({ message: 'required' }).trim().min(1, 'required').max(max, 'tooLong');

const localizedText = (max: number) => z.object({ kk: text(max), ru: text(max), en: text(max) });

/** Short codes (111), city numbers (+7 727 …) and 8-800 lines: digits, spaces, +, - and brackets. */
export const HotlineNumberSchema = text(32).regex(/^\+?[\d\s()-]*\d[\d\s()-]*$/, 'phoneInvalid');

export const HotlineInputSchema = z.object({
  number: HotlineNumberSchema,
  name: localizedText(120),
  description: localizedText(600),
});
export type HotlineInput = z.infer<typeof HotlineInputSchema>;

/** The whole list as the organizer arranged it; the array order is the display order. */
export const UpdateHotlinesSchema = z.object({
  hotlines: z.array(HotlineInputSchema).min(1, 'tooFew').max(MAX_HOTLINES, 'tooMany'),
});
export type UpdateHotlinesInput = z.infer<typeof UpdateHotlinesSchema>;
