import { z } from 'zod';
import { EmailSchema, LineTextSchema, OptionalCheckboxSchema } from '@/lib/validation';

export const SignInSchema = z.object({ email: EmailSchema });
export type SignInInput = z.infer<typeof SignInSchema>;

/** What the scanner-safe landing page posts back: the token and address from the mailed link. */
export const ConfirmSignInSchema = z.object({
  token: z.string().regex(/^[a-f0-9]{64}$/, 'linkInvalid'),
  email: EmailSchema,
  callbackUrl: z.string().max(2000).optional(),
});
export type ConfirmSignInInput = z.infer<typeof ConfirmSignInSchema>;

/** A code from an authenticator app: six digits (spaces people type between groups are dropped). */
export const TotpCodeSchema = z.object({
  code: z
    .string({ message: 'required' })
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'totpCodeInvalid')),
});
export type TotpCodeInput = z.infer<typeof TotpCodeSchema>;

/** A one-time recovery code as it was shown: `xxxx-xxxx-xxxx`, any case, dashes and spaces optional. */
export const RecoveryCodeSchema = z.object({
  code: z
    .string({ message: 'required' })
    .transform((value) => value.replace(/[\s-]+/g, '').toLowerCase())
    .pipe(z.string().regex(/^[a-z2-7]{12}$/, 'recoveryCodeInvalid')),
});
export type RecoveryCodeInput = z.infer<typeof RecoveryCodeSchema>;

/** The name an organizer gives a passkey, to tell their devices apart. */
export const PasskeyNameSchema = z.object({
  name: LineTextSchema.min(1, 'required').max(60, 'tooLong'),
});
export type PasskeyNameInput = z.infer<typeof PasskeyNameSchema>;

/** What an admin sets for every organizer account. */
export const SecuritySettingsSchema = z.object({
  requireSecondFactor: OptionalCheckboxSchema,
  sessionLifetimeHours: z.coerce
    .number({ message: 'numberInvalid' })
    .int('numberInvalid')
    .min(1, 'sessionLifetimeRange')
    .max(720, 'sessionLifetimeRange'),
  sessionIdleMinutes: z.coerce
    .number({ message: 'numberInvalid' })
    .int('numberInvalid')
    .min(5, 'sessionIdleRange')
    .max(1440, 'sessionIdleRange'),
});
export type SecuritySettingsFormInput = z.input<typeof SecuritySettingsSchema>;
export type SecuritySettingsInput = z.output<typeof SecuritySettingsSchema>;

/** Ends one session, given by its id. */
export const EndSessionSchema = z.object({ sessionId: z.string({ message: 'required' }).trim().min(1, 'required').max(64, 'tooLong') });
export type EndSessionInput = z.infer<typeof EndSessionSchema>;

/** Removes one of the organizer's passkeys, given by its id. */
export const RemovePasskeySchema = z.object({ passkeyId: z.string({ message: 'required' }).trim().min(1, 'required').max(64, 'tooLong') });
export type RemovePasskeyInput = z.infer<typeof RemovePasskeySchema>;

/** Making new recovery codes takes no input: the button is the request. */
export const ReplaceRecoveryCodesSchema = z.object({});
