import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';

/** Signs out: deletes the database session, so the cookie is worthless even if it was copied. */
export async function endSession(sessionToken: string | undefined): Promise<void> {
  if (!sessionToken) return;
  const session = await db.session.findUnique({ where: { sessionToken }, select: { userId: true } });
  await db.session.deleteMany({ where: { sessionToken } });
  if (session) {
    await recordAudit({ actorId: session.userId, action: 'auth.logout', subjectType: 'User', subjectId: session.userId });
  }
}

/** Housekeeping for the job scheduler: expired sessions and sign-in tokens. */
export async function deleteExpiredAuthRecords(now: Date = new Date()): Promise<{ sessions: number; tokens: number }> {
  const [sessions, tokens] = await db.$transaction([
    db.session.deleteMany({ where: { expires: { lt: now } } }),
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
  ]);
  return { sessions: sessions.count, tokens: tokens.count };
}
