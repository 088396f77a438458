import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit } from '@/lib/audit';
import { countSecondFactorAttempt } from '@/lib/auth/second-factor-attempts';
import { markSecondFactorPassed, passSecondFactor } from '@/lib/auth/organizer-session';
import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { keyring } from '@/lib/security/personal-data';

/** RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30 seconds. */
const PERIOD_SECONDS = 30;
/** A code from the step before or after is accepted too (clocks on phones drift). */
const WINDOW_STEPS = 1;

function totpFor(email: string, secret: Secret): TOTP {
  return new TOTP({ issuer: 'Dauys', label: email, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret });
}

export type TotpEnrolment = {
  /** The secret in base32, for typing into an app by hand. */
  secret: string;
  /** The otpauth:// URI the QR code holds. */
  uri: string;
  /** The QR code as an SVG document. */
  qrSvg: string;
};

/**
 * Starts setting up an authenticator app: a new secret, sealed, waiting for a first code. An app
 * already confirmed is not replaced (it is removed first, which needs a fresh factor).
 */
export async function startTotpEnrolment(actor: Actor): Promise<TotpEnrolment> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, totpConfirmedAt: true } });
  if (user.totpConfirmedAt) throw new AppError('CONFLICT', { messageKey: 'totpAlreadySet' });
  const secret = new Secret({ size: 20 });
  const keys = await keyring();
  await db.user.updateMany({
    where: { id: actor.id, totpConfirmedAt: null },
    data: { totpSecretSealed: keys.seal('secret', secret.base32), totpLastStep: null },
  });
  const uri = totpFor(user.email, secret).toString();
  return { secret: secret.base32, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

/** The enrolment waiting for its first code, to show again (e.g. after a wrong code). */
export async function pendingTotpEnrolment(actor: Actor): Promise<TotpEnrolment | null> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, totpSecretSealed: true, totpConfirmedAt: true },
  });
  if (user.totpConfirmedAt || !user.totpSecretSealed) return null;
  const secret = Secret.fromBase32((await keyring()).open('secret', user.totpSecretSealed));
  const uri = totpFor(user.email, secret).toString();
  return { secret: secret.base32, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

/**
 * Checks a code against the user's secret and takes its time step, once: the same code (or an
 * older one) is refused after it was used. Returns whether it was accepted.
 */
async function takeTotpCode(userId: string, code: string, confirmed: boolean, now: Date): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, totpSecretSealed: true, totpConfirmedAt: true } });
  if (!user?.totpSecretSealed || (user.totpConfirmedAt !== null) !== confirmed) return false;
  const totp = totpFor(user.email, Secret.fromBase32((await keyring()).open('secret', user.totpSecretSealed)));
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW_STEPS });
  if (delta === null) return false;
  const step = BigInt(totp.counter({ timestamp: now.getTime() }) + delta);
  const taken = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step, ...(confirmed ? {} : { totpConfirmedAt: now }) },
  });
  return taken.count === 1;
}

async function hasPasskey(userId: string): Promise<boolean> {
  return (await db.passkey.count({ where: { userId } })) > 0;
}

/**
 * Confirms the app with its first code. A first factor proves itself; adding one next to a passkey
 * is a change to the account's security and needs a fresh factor first.
 */
export async function confirmTotpEnrolment(actor: Actor, code: string, now: Date = new Date()): Promise<void> {
  if (await hasPasskey(actor.id)) await assertFreshSecondFactor(actor);
  await countSecondFactorAttempt(actor.id, now);
  if (!(await takeTotpCode(actor.id, code, false, now))) throw new AppError('INVALID', { field: 'code', messageKey: 'totpCodeWrong' });
  await markSecondFactorPassed(actor.sessionId, now);
  await recordAudit({ actorId: actor.id, action: 'security.totp.add', subjectType: 'User', subjectId: actor.id });
}

/** A code from the app as the second factor of this session. */
export async function verifyTotp(actor: Actor, code: string, now: Date = new Date()): Promise<void> {
  await countSecondFactorAttempt(actor.id, now);
  if (!(await takeTotpCode(actor.id, code, true, now))) throw new AppError('INVALID', { field: 'code', messageKey: 'totpCodeWrong' });
  await passSecondFactor(actor, 'totp', now);
}

/** Removes the app (a change to the account's security: fresh factor first). */
export async function removeTotp(actor: Actor): Promise<void> {
  await assertFreshSecondFactor(actor);
  await db.user.update({ where: { id: actor.id }, data: { totpSecretSealed: null, totpConfirmedAt: null, totpLastStep: null } });
  await recordAudit({ actorId: actor.id, action: 'security.totp.remove', subjectType: 'User', subjectId: actor.id });
}
