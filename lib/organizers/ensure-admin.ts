import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { EmailSchema } from '@/lib/validation';

export type EnsureAdminResult = { id: string; email: string; change: 'created' | 'promoted' | 'none' };

/**
 * Makes sure `email` can sign in as an admin: creates the user or promotes an organizer.
 * Idempotent, so the start script and `npm run admin:invite` may call it at every run.
 */
export async function ensureAdmin(rawEmail: string): Promise<EnsureAdminResult> {
  const email = EmailSchema.parse(rawEmail);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email }, select: { role: true } });
    const user = await tx.user.upsert({
      where: { email },
      create: { email, role: 'ADMIN' },
      update: { role: 'ADMIN' },
      select: { id: true, email: true },
    });
    const change = !before ? 'created' : before.role !== 'ADMIN' ? 'promoted' : 'none';
    if (change !== 'none') {
      await recordAudit(
        { actorId: null, action: `organizer.admin-${change}`, subjectType: 'User', subjectId: user.id, details: { email } },
        tx,
      );
    }
    return { ...user, change };
  });
}
