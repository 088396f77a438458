import { recordAudit } from '@/lib/audit';
import { readSecuritySettings } from '@/lib/auth/security-settings';
import { sessionEndsAt } from '@/lib/auth/organizer-session';
import { assertAdmin, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

export type ActiveSession = {
  id: string;
  /** e.g. "Firefox on Android"; null when the browser did not say. */
  device: string | null;
  /** The network it was opened from, e.g. `203.0.113.0/24`. */
  place: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  endsAt: Date;
  isCurrent: boolean;
};

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/YaBrowser\//, 'Yandex Browser'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** A browser and system name from a User-Agent, enough to tell one's devices apart. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/** The organizer's sessions that have not ended, the current one first. */
export async function listActiveSessions(actor: Actor, now: Date = new Date()): Promise<ActiveSession[]> {
  const settings = await readSecuritySettings();
  const sessions = await db.session.findMany({
    where: { userId: actor.id },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, userAgent: true, addressPrefix: true, createdAt: true, lastSeenAt: true, expires: true },
  });
  return sessions
    .map((session) => ({
      id: session.id,
      device: describeDevice(session.userAgent),
      place: session.addressPrefix,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      endsAt: sessionEndsAt(session, settings),
      isCurrent: session.id === actor.sessionId,
    }))
    .filter((session) => session.endsAt > now)
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}

/** Ends one of the organizer's own sessions (another device, or this one). */
export async function endOwnSession(actor: Actor, sessionId: string): Promise<void> {
  const ended = await db.session.deleteMany({ where: { id: sessionId, userId: actor.id } });
  if (ended.count !== 1) throw new AppError('NOT_FOUND', { messageKey: 'sessionNotFound' });
  await recordAudit({ actorId: actor.id, action: 'security.session.end', subjectType: 'User', subjectId: actor.id });
}

/**
 * An admin ends every session of an organizer (a lost phone, a shared computer): they are signed out
 * everywhere at once. Ending sessions only takes access away, so it needs no fresh factor.
 */
export async function endAllSessionsOf(targetUserId: string, actor: Actor): Promise<number> {
  return db.$transaction(async (tx) => {
    await assertAdmin(actor, tx);
    const target = await tx.user.findUnique({ where: { id: targetUserId }, select: { id: true, email: true } });
    if (!target) throw new AppError('NOT_FOUND', { messageKey: 'organizerNotFound' });
    const ended = await tx.session.deleteMany({ where: { userId: target.id } });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'security.sessions.end-all',
        subjectType: 'User',
        subjectId: target.id,
        details: { email: target.email, sessions: ended.count },
      },
      tx,
    );
    return ended.count;
  });
}
