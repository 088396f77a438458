import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';

/**
 * An organizer acting in a session of their own, which passed a second factor `minutesAgo` (null:
 * never), as after a passkey or app code. Dangerous acts need it within the last 10 minutes.
 */
export async function actorFor(user: { id: string }, { minutesAgo = 0 }: { minutesAgo?: number | null } = {}): Promise<Actor> {
  const now = Date.now();
  const session = await db.session.create({
    data: {
      sessionToken: randomUUID(),
      userId: user.id,
      expires: new Date(now + 8 * 3_600_000),
      secondFactorAt: minutesAgo === null ? null : new Date(now - minutesAgo * 60_000),
    },
  });
  return { id: user.id, sessionId: session.id };
}
