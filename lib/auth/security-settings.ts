import { recordAudit } from '@/lib/audit';
import type { SecuritySettingsInput } from '@/lib/auth/schemas';
import { assertAdminWithFreshFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';

const SECURITY_SETTINGS_ID = 'security';

export type SecuritySettings = {
  /** Organizers must enrol a second factor before they reach anything in the console. */
  requireSecondFactor: boolean;
  /** A session ends this long after sign-in… */
  sessionLifetimeHours: number;
  /** …or after this long without a console page or action. */
  sessionIdleMinutes: number;
  /** `deployment`: environment defaults, no admin has changed them; `console`: an admin's choice, which wins. */
  source: 'deployment' | 'console';
  changedAt: Date | null;
};

type SettingsClient = Pick<Prisma.TransactionClient, 'securitySettings'>;

/** The deployment's defaults: a second factor is required, except in the zero-config demo (local mail catcher). */
export function deploymentSecuritySettings(): SecuritySettings {
  return {
    requireSecondFactor: env.DAUYS_REQUIRE_SECOND_FACTOR ?? !env.MAIL_CATCHER,
    sessionLifetimeHours: env.SESSION_LIFETIME_HOURS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    source: 'deployment',
    changedAt: null,
  };
}

export async function readSecuritySettings(client: SettingsClient = db): Promise<SecuritySettings> {
  const stored = await client.securitySettings.findUnique({ where: { id: SECURITY_SETTINGS_ID } });
  if (!stored) return deploymentSecuritySettings();
  return {
    requireSecondFactor: stored.requireSecondFactor,
    sessionLifetimeHours: stored.sessionLifetimeHours,
    sessionIdleMinutes: stored.sessionIdleMinutes,
    source: 'console',
    changedAt: stored.updatedAt,
  };
}

/** An admin with a fresh second factor changes the settings for every organizer; audit-logged with what they replaced. */
export async function saveSecuritySettings(input: SecuritySettingsInput, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertAdminWithFreshFactor(actor, tx);
    const before = await readSecuritySettings(tx);
    const values = {
      requireSecondFactor: input.requireSecondFactor,
      sessionLifetimeHours: input.sessionLifetimeHours,
      sessionIdleMinutes: input.sessionIdleMinutes,
    };
    await tx.securitySettings.upsert({
      where: { id: SECURITY_SETTINGS_ID },
      create: { id: SECURITY_SETTINGS_ID, ...values },
      update: values,
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'security.settings',
        subjectType: 'SecuritySettings',
        subjectId: SECURITY_SETTINGS_ID,
        details: {
          ...values,
          before: {
            requireSecondFactor: before.requireSecondFactor,
            sessionLifetimeHours: before.sessionLifetimeHours,
            sessionIdleMinutes: before.sessionIdleMinutes,
          },
        },
      },
      tx,
    );
  });
}
