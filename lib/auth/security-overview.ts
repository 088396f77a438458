import { listPasskeys } from '@/lib/auth/passkeys';
import { secondFactorMethods } from '@/lib/auth/second-factor-methods';
import { listActiveSessions, type ActiveSession } from '@/lib/auth/sessions';
import type { Actor } from '@/lib/auth/step-up';

export type SecurityOverview = {
  passkeys: Awaited<ReturnType<typeof listPasskeys>>;
  totp: boolean;
  unusedRecoveryCodes: number;
  sessions: ActiveSession[];
};

/** What an organizer's security page shows about their own account. */
export async function readSecurityOverview(actor: Actor): Promise<SecurityOverview> {
  const [passkeys, methods, sessions] = await Promise.all([
    listPasskeys(actor.id),
    secondFactorMethods(actor.id),
    listActiveSessions(actor),
  ]);
  return { passkeys, totp: methods.totp, unusedRecoveryCodes: methods.recoveryCodes, sessions };
}
