import { listPasskeys } from '@/lib/auth/passkeys';
import { countUnusedRecoveryCodes } from '@/lib/auth/recovery-codes';
import { listActiveSessions, type ActiveSession } from '@/lib/auth/sessions';
import type { Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';

export type SecurityOverview = {
  passkeys: Awaited<ReturnType<typeof listPasskeys>>;
  totp: boolean;
  unusedRecoveryCodes: number;
  sessions: ActiveSession[];
};

/** What an organizer's security page shows about their own account. */
export async function readSecurityOverview(actor: Actor): Promise<SecurityOverview> {
  const [passkeys, user, unusedRecoveryCodes, sessions] = await Promise.all([
    listPasskeys(actor.id),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpConfirmedAt: true } }),
    countUnusedRecoveryCodes(actor.id),
    listActiveSessions(actor),
  ]);
  return { passkeys, totp: user.totpConfirmedAt !== null, unusedRecoveryCodes, sessions };
}
