import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';
import { EmailSchema, LocaleSchema } from '@/lib/validation';

export const ROLES = Object.values(Role);
export const RoleSchema = z.enum(Role, { message: 'invalidChoice' });

export const InviteOrganizerSchema = z.object({
  email: EmailSchema,
  role: RoleSchema,
  /** The language of the invitation mail. */
  locale: LocaleSchema,
});
export type InviteOrganizerInput = z.infer<typeof InviteOrganizerSchema>;

export const RemoveOrganizerSchema = z.object({
  userId: z.string({ message: 'required' }).trim().min(1, 'required').max(64, 'tooLong'),
});
export type RemoveOrganizerInput = z.infer<typeof RemoveOrganizerSchema>;
