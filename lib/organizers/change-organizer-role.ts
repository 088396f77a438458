import { recordAudit } from '@/lib/audit';
import { assertAdminWithFreshFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { ChangeOrganizerRoleInput } from '@/lib/organizers/schemas';

/**
 * An admin with a fresh second factor makes an organizer an admin or an admin an organizer. The last
 * admin keeps the role (admin rows are locked first, as in removeOrganizer). The target's sessions
 * end, so the new role applies at their next page rather than when an old session runs out.
 */
export async function changeOrganizerRole(input: ChangeOrganizerRoleInput, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "User" WHERE "role" = 'ADMIN' ORDER BY "id" FOR UPDATE`;
    await assertAdminWithFreshFactor(actor, tx);
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true } });
    if (!target) throw new AppError('NOT_FOUND', { messageKey: 'organizerNotFound' });
    if (target.role === input.role) throw new AppError('CONFLICT', { messageKey: 'roleUnchanged' });
    if (target.role === 'ADMIN' && admins.length <= 1) throw new AppError('CONFLICT', { messageKey: 'lastAdmin' });

    await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    const ended = await tx.session.deleteMany({ where: { userId: target.id } });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'organizer.role',
        subjectType: 'User',
        subjectId: target.id,
        details: { email: target.email, before: target.role, after: input.role, sessionsEnded: ended.count },
      },
      tx,
    );
  });
}
