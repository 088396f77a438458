import { recordAudit } from '@/lib/audit';
import { assertAdminWithFreshFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { organizerAuditEntry } from '@/lib/organizers/organizer-audit-entry';
import type { RemoveOrganizerInput } from '@/lib/organizers/schemas';

/**
 * Removes an organizer, their sessions and pending sign-in links. Nobody removes themselves, and
 * the last admin stays: the admin rows are locked first, so two admins removing each other at the
 * same moment cannot leave the console without one. The remover's session must have passed a
 * second factor within the step-up window.
 */
export async function removeOrganizer(input: RemoveOrganizerInput, actor: Actor): Promise<void> {
  if (input.userId === actor.id) throw new AppError('FORBIDDEN', { messageKey: 'cannotRemoveSelf' });

  await db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "User" WHERE "role" = 'ADMIN' ORDER BY "id" FOR UPDATE`;
    await assertAdminWithFreshFactor(actor, tx);
    const target = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, role: true },
    });
    if (!target) throw new AppError('NOT_FOUND', { messageKey: 'organizerNotFound' });
    if (target.role === 'ADMIN' && admins.length <= 1) throw new AppError('CONFLICT', { messageKey: 'lastAdmin' });

    await tx.session.deleteMany({ where: { userId: target.id } });
    await tx.verificationToken.deleteMany({ where: { identifier: target.email } });
    await tx.user.delete({ where: { id: target.id } });
    await recordAudit(organizerAuditEntry('organizer.remove', actor.id, target), tx);
  });
}
