import { recordAudit } from '@/lib/audit';
import { assertAdminWithFreshFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/database-errors';
import { sendMail } from '@/lib/mailer';
import { organizerAuditEntry } from '@/lib/organizers/organizer-audit-entry';
import type { InviteOrganizerInput } from '@/lib/organizers/schemas';

export type InvitedOrganizer = { id: string; email: string; role: InviteOrganizerInput['role'] };

/**
 * Adds an organizer (or admin) and mails them where to sign in. Only addresses in `User` can sign
 * in at all, so this is the one door into the console besides `ensureAdmin`; the inviter's session
 * must have passed a second factor within the step-up window.
 */
export async function inviteOrganizer(input: InviteOrganizerInput, actor: Actor & { email: string }): Promise<InvitedOrganizer> {
  let user: InvitedOrganizer;
  try {
    user = await db.$transaction(async (tx) => {
      await assertAdminWithFreshFactor(actor, tx);
      const created = await tx.user.create({
        data: { email: input.email, role: input.role, invitedById: actor.id },
        select: { id: true, email: true, role: true },
      });
      await recordAudit(organizerAuditEntry('organizer.invite', actor.id, created), tx);
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', { field: 'email', messageKey: 'alreadyInvited' });
    }
    throw error;
  }

  await sendMail({
    to: user.email,
    locale: input.locale,
    template: 'organizer-invitation',
    props: {
      loginUrl: new URL(`/${input.locale}/login`, env.APP_URL).toString(),
      inviterEmail: actor.email,
      role: user.role,
    },
  });
  return user;
}
