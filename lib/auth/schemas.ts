import { z } from 'zod';
import { EmailSchema } from '@/lib/validation';

export const SignInSchema = z.object({ email: EmailSchema });
export type SignInInput = z.infer<typeof SignInSchema>;

/** What the scanner-safe landing page posts back: the token and address from the mailed link. */
export const ConfirmSignInSchema = z.object({
  token: z.string().regex(/^[a-f0-9]{64}$/, 'linkInvalid'),
  email: EmailSchema,
  callbackUrl: z.string().max(2000).optional(),
});
export type ConfirmSignInInput = z.infer<typeof ConfirmSignInSchema>;
