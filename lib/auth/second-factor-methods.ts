import { db } from '@/lib/db';

/** Which second factors an organizer has: what the check page offers and what enrolment still can add. */
export type SecondFactorMethods = { passkeys: number; totp: boolean; recoveryCodes: number };

export async function secondFactorMethods(userId: string): Promise<SecondFactorMethods> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      totpConfirmedAt: true,
      _count: { select: { passkeys: true, recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return { passkeys: user._count.passkeys, totp: user.totpConfirmedAt !== null, recoveryCodes: user._count.recoveryCodes };
}
