import { z } from 'zod';

export const UnsubscribeFormSchema = z.object({
  token: z.string({ message: 'required' }).min(1, 'required').max(512, 'tooLong'),
  scope: z.enum(['topic', 'all'], { message: 'invalidChoice' }),
});
export type UnsubscribeFormInput = z.infer<typeof UnsubscribeFormSchema>;
