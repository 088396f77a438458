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

const OrganizerIdSchema = z.string({ message: 'required' }).trim().min(1, 'required').max(64, 'tooLong');

export const RemoveOrganizerSchema = z.object({ userId: OrganizerIdSchema });
export type RemoveOrganizerInput = z.infer<typeof RemoveOrganizerSchema>;

/** An admin gives an organizer another role. */
export const ChangeOrganizerRoleSchema = z.object({ userId: OrganizerIdSchema, role: RoleSchema });
export type ChangeOrganizerRoleInput = z.infer<typeof ChangeOrganizerRoleSchema>;

/** An admin ends every session of an organizer. */
export const EndOrganizerSessionsSchema = z.object({ userId: OrganizerIdSchema });
export type EndOrganizerSessionsInput = z.infer<typeof EndOrganizerSessionsSchema>;
