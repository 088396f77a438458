import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

/** A dangerous act needs a second factor passed in this session within the last 10 minutes. */
export const STEP_UP_WINDOW_MS = 10 * 60 * 1000;

/** Campaigns to more people than this are dangerous acts; a test to a handful is not. */
export const STEP_UP_AUDIENCE_LIMIT = 5;

/** Who does something: the organizer and the session they do it in. */
export type Actor = { id: string; sessionId: string };

type SessionClient = Pick<Prisma.TransactionClient, 'session' | 'user'>;

export function isFreshSecondFactor(secondFactorAt: Date | null | undefined, now: Date = new Date()): boolean {
  return !!secondFactorAt && now.getTime() - secondFactorAt.getTime() < STEP_UP_WINDOW_MS && secondFactorAt <= now;
}

/**
 * Refuses a dangerous act (exports of personal data, erasure, large campaigns, organizers and roles,
 * security settings) unless the actor's session passed a second factor within the window. Read from
 * the database where the data is touched, in the caller's transaction when there is one.
 */
export async function assertFreshSecondFactor(actor: Actor, client: SessionClient = db, now: Date = new Date()): Promise<void> {
  const session = await client.session.findFirst({ where: { id: actor.sessionId, userId: actor.id }, select: { secondFactorAt: true } });
  if (!isFreshSecondFactor(session?.secondFactorAt, now)) throw new AppError('FORBIDDEN', { messageKey: 'stepUpRequired' });
}

/** Refuses unless the actor is an admin, read again where the data is touched. */
export async function assertAdmin(actor: { id: string }, client: Pick<Prisma.TransactionClient, 'user'> = db): Promise<void> {
  const user = await client.user.findUnique({ where: { id: actor.id }, select: { role: true } });
  if (user?.role !== 'ADMIN') throw new AppError('FORBIDDEN');
}

/** The same as assertFreshSecondFactor, for acts only admins may do. */
export async function assertAdminWithFreshFactor(actor: Actor, client: SessionClient = db, now: Date = new Date()): Promise<void> {
  await assertAdmin(actor, client);
  await assertFreshSecondFactor(actor, client, now);
}

export function isStepUpRequired(error: unknown): boolean {
  return error instanceof AppError && error.messageKey === 'stepUpRequired';
}
