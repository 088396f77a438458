import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

export type SecondFactorReset = { email: string; passkeys: number; totp: boolean; recoveryCodes: number; sessions: number };

/**
 * For an organizer who lost every factor (phone and recovery codes): removes their passkeys,
 * authenticator app and recovery codes and ends their sessions. Run by whoever runs the server
 * (`npm run organizer:reset-second-factor -- <email>`), after checking who asks by other means;
 * the organizer signs in with a mailed link and enrols again.
 */
export async function resetSecondFactor(email: string): Promise<SecondFactorReset> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: { id: true, email: true, totpConfirmedAt: true },
    });
    if (!user) throw new AppError('NOT_FOUND', { messageKey: 'organizerNotFound' });
    const passkeys = await tx.passkey.deleteMany({ where: { userId: user.id } });
    const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { totpSecretSealed: null, totpConfirmedAt: null, totpLastStep: null } });
    const reset = {
      email: user.email,
      passkeys: passkeys.count,
      totp: user.totpConfirmedAt !== null,
      recoveryCodes: recoveryCodes.count,
      sessions: sessions.count,
    };
    await recordAudit(
      { actorId: null, action: 'security.second-factor.reset', subjectType: 'User', subjectId: user.id, details: reset },
      tx,
    );
    return reset;
  });
}
