import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { countSecondFactorAttempt } from '@/lib/auth/second-factor-attempts';
import { markSecondFactorPassed, passSecondFactor } from '@/lib/auth/organizer-session';
import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** A ceremony's challenge is good for 5 minutes, once, in the session that asked for it. */
const CHALLENGE_MS = 5 * 60 * 1000;

/** The site passkeys belong to: APP_URL's host, and its origin. */
function relyingParty() {
  const url = new URL(env.APP_URL);
  return { rpID: url.hostname, origin: url.origin };
}

/** What a browser sends back, loosely checked before the library reads it (a forged call gets a clear refusal, not a 500). */
const CredentialResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().max(100_000) }),
});

function credentialResponse<T>(value: unknown): T {
  const parsed = CredentialResponseSchema.safeParse(value);
  if (!parsed.success) throw new AppError('INVALID', { messageKey: 'passkeyFailed' });
  return parsed.data as T;
}

async function keepChallenge(sessionId: string, challenge: string, now: Date) {
  await db.session.update({ where: { id: sessionId }, data: { challenge, challengeExpires: new Date(now.getTime() + CHALLENGE_MS) } });
}

/** The session's challenge, taken: a second use of the same ceremony finds none. */
async function takeChallenge(sessionId: string, now: Date): Promise<string> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { challenge: true, challengeExpires: true } });
  await db.session.updateMany({ where: { id: sessionId }, data: { challenge: null, challengeExpires: null } });
  if (!session?.challenge || !session.challengeExpires || session.challengeExpires <= now) {
    throw new AppError('INVALID', { messageKey: 'passkeyFailed' });
  }
  return session.challenge;
}

async function hasOtherFactor(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpConfirmedAt: true, _count: { select: { passkeys: true } } },
  });
  return !!user && (user.totpConfirmedAt !== null || user._count.passkeys > 0);
}

/** Options for the browser to create a passkey. Adding one next to another factor needs a fresh factor. */
export async function passkeyRegistrationOptions(actor: Actor, now: Date = new Date()): Promise<PublicKeyCredentialCreationOptionsJSON> {
  if (await hasOtherFactor(actor.id)) await assertFreshSecondFactor(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, passkeys: { select: { credentialId: true, transports: true } } },
  });
  const options = await generateRegistrationOptions({
    rpName: 'Dauys',
    rpID: relyingParty().rpID,
    userName: user.email,
    userID: new TextEncoder().encode(actor.id),
    attestationType: 'none',
    excludeCredentials: user.passkeys.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await keepChallenge(actor.sessionId, options.challenge, now);
  return options;
}

/** Stores the passkey the browser created, once the library verified it against the session's challenge. */
export async function registerPasskey(actor: Actor, response: unknown, name: string, now: Date = new Date()): Promise<void> {
  const expectedChallenge = await takeChallenge(actor.sessionId, now);
  if (await hasOtherFactor(actor.id)) await assertFreshSecondFactor(actor);
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: credentialResponse<RegistrationResponseJSON>(response),
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw new AppError('INVALID', { messageKey: 'passkeyFailed' });
  const { credential } = verification.registrationInfo;
  const passkey = await db.passkey.create({
    data: {
      userId: actor.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      counter: BigInt(credential.counter),
      transports: credential.transports ?? [],
      name,
    },
  });
  await markSecondFactorPassed(actor.sessionId, now);
  await recordAudit({
    actorId: actor.id,
    action: 'security.passkey.add',
    subjectType: 'Passkey',
    subjectId: passkey.id,
    details: { name },
  });
}

/** Options for the browser to sign this session's challenge with one of the organizer's passkeys. */
export async function passkeyAuthenticationOptions(actor: Actor, now: Date = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await db.passkey.findMany({ where: { userId: actor.id }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) throw new AppError('NOT_FOUND', { messageKey: 'passkeyFailed' });
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    userVerification: 'preferred',
  });
  await keepChallenge(actor.sessionId, options.challenge, now);
  return options;
}

/** A passkey's signature over this session's challenge, as the second factor of this session. */
export async function verifyPasskey(actor: Actor, response: unknown, now: Date = new Date()): Promise<void> {
  await countSecondFactorAttempt(actor.id, now);
  const expectedChallenge = await takeChallenge(actor.sessionId, now);
  const answer = credentialResponse<AuthenticationResponseJSON>(response);
  const passkey = await db.passkey.findFirst({ where: { userId: actor.id, credentialId: answer.id } });
  if (!passkey) throw new AppError('INVALID', { messageKey: 'passkeyFailed' });
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response: answer,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw new AppError('INVALID', { messageKey: 'passkeyFailed' });
  await db.passkey.update({
    where: { id: passkey.id },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: now },
  });
  await passSecondFactor(actor, 'passkey', now);
}

/** Removes one of the organizer's passkeys (a change to the account's security: fresh factor first). */
export async function removePasskey(actor: Actor, passkeyId: string): Promise<void> {
  await assertFreshSecondFactor(actor);
  const removed = await db.passkey.deleteMany({ where: { id: passkeyId, userId: actor.id } });
  if (removed.count !== 1) throw new AppError('NOT_FOUND');
  await recordAudit({ actorId: actor.id, action: 'security.passkey.remove', subjectType: 'Passkey', subjectId: passkeyId });
}

export async function listPasskeys(userId: string) {
  return db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}
