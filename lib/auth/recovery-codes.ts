import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit';
import { countSecondFactorAttempt } from '@/lib/auth/second-factor-attempts';
import { passSecondFactor } from '@/lib/auth/organizer-session';
import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

export const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 12 base32 characters (60 random bits), shown as `xxxx-xxxx-xxxx`. */
function newRecoveryCode(): string {
  const bytes = randomBytes(12);
  const characters = Array.from(bytes, (byte) => BASE32[byte & 31]).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8)}`;
}

/** The stored form: a hash of the code without dashes, so a database dump gives no usable code. */
function recoveryCodeHash(code: string): string {
  return createHash('sha256')
    .update(code.replace(/[\s-]+/g, '').toLowerCase())
    .digest('hex');
}

/**
 * A new set of one-time codes, shown once: the old set stops working. Only with a fresh second
 * factor (it is a change to the account's security).
 */
export async function replaceRecoveryCodes(actor: Actor): Promise<string[]> {
  await assertFreshSecondFactor(actor);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId: actor.id } }),
    db.recoveryCode.createMany({ data: codes.map((code) => ({ userId: actor.id, codeHash: recoveryCodeHash(code) })) }),
  ]);
  await recordAudit({ actorId: actor.id, action: 'security.recovery-codes', subjectType: 'User', subjectId: actor.id });
  return codes;
}

export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** A recovery code as the second factor of this session: accepted once, never again. */
export async function redeemRecoveryCode(actor: Actor, code: string, now: Date = new Date()): Promise<void> {
  await countSecondFactorAttempt(actor.id, now);
  const used = await db.recoveryCode.updateMany({
    where: { userId: actor.id, codeHash: recoveryCodeHash(code), usedAt: null },
    data: { usedAt: now },
  });
  if (used.count !== 1) throw new AppError('INVALID', { field: 'code', messageKey: 'recoveryCodeWrong' });
  await passSecondFactor(actor, 'recovery-code', now, { left: await countUnusedRecoveryCodes(actor.id) });
}
