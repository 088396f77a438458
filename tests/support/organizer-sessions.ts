import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';

/**
 * A session for `userId`, as a sign-in makes it, and the Actor acting in it. By default it passed a
 * second factor just now (a dangerous act is allowed); `secondFactorMinutesAgo: 11` is past the
 * step-up window, `null` never passed one.
 */
export async function signedInActor(
  userId: string,
  { secondFactorMinutesAgo = 0, now = new Date() }: { secondFactorMinutesAgo?: number | null; now?: Date } = {},
): Promise<Actor> {
  const session = await db.session.create({
    data: {
      sessionToken: randomUUID(),
      userId,
      expires: new Date(now.getTime() + 8 * 3_600_000),
      createdAt: now,
      lastSeenAt: now,
      secondFactorAt: secondFactorMinutesAgo === null ? null : new Date(now.getTime() - secondFactorMinutesAgo * 60_000),
    },
    select: { id: true },
  });
  return { id: userId, sessionId: session.id };
}
