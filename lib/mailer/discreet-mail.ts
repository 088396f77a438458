import { recordAudit } from '@/lib/audit';
import { assertAdminWithFreshFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DiscreetMailInput } from '@/lib/mailer/schemas';

/** The one MailSettings row. */
const MAIL_SETTINGS_ID = 'mail';

export type DiscreetMailSetting = {
  /** Subjects, the sender's name and preview lines name no petition, event or reform. */
  discreet: boolean;
  /** `deployment`: DAUYS_DISCREET_MAIL, no admin has changed it; `console`: an admin's choice, which wins. */
  source: 'deployment' | 'console';
  changedAt: Date | null;
};

type SettingsClient = Pick<Prisma.TransactionClient, 'mailSettings'>;

/** Whether mail is discreet now: an admin's stored choice, else the deployment's default. */
export async function readDiscreetMail(client: SettingsClient = db): Promise<DiscreetMailSetting> {
  const stored = await client.mailSettings.findUnique({ where: { id: MAIL_SETTINGS_ID } });
  if (!stored) return { discreet: env.DAUYS_DISCREET_MAIL, source: 'deployment', changedAt: null };
  return { discreet: stored.discreet, source: 'console', changedAt: stored.updatedAt };
}

/**
 * Attachment names for discreet mail: a mail program lists them beside the subject (an event's
 * calendar file is named after its slug), so they keep only their extension.
 */
export function discreetAttachmentNames<A extends { filename: string }>(attachments: A[]): A[] {
  return attachments.map((attachment, index) => {
    const extension = /\.[A-Za-z0-9]{1,8}$/.exec(attachment.filename)?.[0] ?? '';
    const name = extension.toLowerCase() === '.ics' ? 'calendar' : 'attachment';
    return { ...attachment, filename: `${name}${index > 0 ? `-${index + 1}` : ''}${extension}` };
  });
}

/**
 * An admin turns discreet mail on or off for every mail rendered from now on (mail already queued
 * keeps its subject). It changes what supporters' inboxes show, so it is a security setting: the role
 * and a fresh second factor are checked again here, in the transaction that writes, and the change is
 * audit-logged with what it replaced.
 */
export async function setDiscreetMail(input: DiscreetMailInput, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertAdminWithFreshFactor(actor, tx);
    const before = await readDiscreetMail(tx);
    await tx.mailSettings.upsert({
      where: { id: MAIL_SETTINGS_ID },
      create: { id: MAIL_SETTINGS_ID, discreet: input.discreet },
      update: { discreet: input.discreet },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'mail.discreet',
        subjectType: 'MailSettings',
        subjectId: MAIL_SETTINGS_ID,
        details: { discreet: input.discreet, before: before.discreet, beforeSource: before.source },
      },
      tx,
    );
  });
}
