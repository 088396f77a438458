import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { readSecuritySettings, type SecuritySettings } from '@/lib/auth/security-settings';

/**
 * Where a signed-in organizer may go: `open`, the console; `verify`, only the second-factor check
 * (they enrolled one and this session has not passed it); `enrol`, only enrolment (admins require
 * a second factor and they have none).
 */
export type SessionGate = 'open' | 'verify' | 'enrol';

export type OrganizerSession = {
  id: string;
  email: string;
  role: Role;
  sessionId: string;
  secondFactorAt: Date | null;
  hasSecondFactor: boolean;
  gate: SessionGate;
};

/** What the request tells about the browser, recorded on the session the first time it is seen. */
export type SessionClientInfo = { userAgent: string | null; addressPrefix: string | null };

/** lastSeenAt is written at most this often, so a busy console page does not write on every request. */
const LAST_SEEN_GRANULARITY_MS = 60_000;

export function sessionEndsAt(session: { createdAt: Date; lastSeenAt: Date; expires: Date }, settings: SecuritySettings): Date {
  const lifetimeEnd = session.createdAt.getTime() + settings.sessionLifetimeHours * 3_600_000;
  const idleEnd = session.lastSeenAt.getTime() + settings.sessionIdleMinutes * 60_000;
  return new Date(Math.min(lifetimeEnd, idleEnd, session.expires.getTime()));
}

/**
 * The organizer behind a session cookie, or null when there is none or it ended (lifetime, idle
 * time, signed out, removed). An ended session is deleted. Marks the session as seen.
 */
export async function readOrganizerSession(
  sessionToken: string | undefined,
  client: SessionClientInfo,
  now: Date = new Date(),
): Promise<OrganizerSession | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expires: true,
      userAgent: true,
      secondFactorAt: true,
      user: { select: { id: true, email: true, role: true, totpConfirmedAt: true, _count: { select: { passkeys: true } } } },
    },
  });
  if (!session) return null;
  const settings = await readSecuritySettings();
  if (sessionEndsAt(session, settings) <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS || session.userAgent === null) {
    await db.session.updateMany({
      where: { id: session.id },
      data: {
        lastSeenAt: now,
        ...(session.userAgent === null ? { userAgent: client.userAgent?.slice(0, 400) ?? '', addressPrefix: client.addressPrefix } : {}),
      },
    });
  }
  const { user } = session;
  const hasSecondFactor = user.totpConfirmedAt !== null || user._count.passkeys > 0;
  const gate: SessionGate = hasSecondFactor
    ? session.secondFactorAt
      ? 'open'
      : 'verify'
    : settings.requireSecondFactor
      ? 'enrol'
      : 'open';
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    sessionId: session.id,
    secondFactorAt: session.secondFactorAt,
    hasSecondFactor,
    gate,
  };
}

/** The session passed a second factor now: the console opens, and dangerous acts are allowed for the step-up window. */
export async function markSecondFactorPassed(sessionId: string, now: Date = new Date()): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { secondFactorAt: now, challenge: null, challengeExpires: null } });
}

/** An organizer confirmed it is them (at sign-in or before a dangerous act): the session is marked, and the audit log says how. */
export async function passSecondFactor(
  actor: Actor,
  method: 'passkey' | 'totp' | 'recovery-code',
  now: Date,
  details: Record<string, unknown> = {},
): Promise<void> {
  await markSecondFactorPassed(actor.sessionId, now);
  await recordAudit({
    actorId: actor.id,
    action: 'auth.second-factor',
    subjectType: 'User',
    subjectId: actor.id,
    details: { method, ...details },
  });
}
