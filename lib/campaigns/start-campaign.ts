import { recordAudit } from '@/lib/audit';
import { assertFreshSecondFactor, STEP_UP_AUDIENCE_LIMIT, type Actor } from '@/lib/auth/step-up';
import { audienceConditionSql } from '@/lib/campaigns/audience/build-audience-sql';
import { resolveLocaleSql } from '@/lib/campaigns/locale-fallback';
import { renderCampaignMessages } from '@/lib/campaigns/render-campaign-message';
import { AudienceSchema, writtenLocales } from '@/lib/campaigns/schemas';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';

/** An organizer pressing Send, or the scheduler starting a campaign scheduled by someone (checked when it was scheduled). */
type Starter = Actor | { scheduledBy: string | null };

/**
 * Starts sending: writes the whole audience into the ledger in ONE statement (suppressions
 * applied, each person's language resolved) and marks the campaign SENDING. The unique
 * (campaignId, supporterId) makes a repeated start harmless. Returns the number of recipients.
 * The caller then wakes the sender (lib/campaigns/wake-sender.ts). An organizer sending to more than a
 * handful of people needs a fresh second factor: checked on the ledger just written, which is rolled back.
 */
export async function startCampaign(campaignId: string, starter: Starter): Promise<number> {
  // Rendered before the transaction (it takes a while); the row lock below re-checks the status.
  const draft = await db.emailCampaign.findUnique({
    where: { id: campaignId },
    select: { subject: true, body: true, subjectPrefix: true, useNeutralSender: true },
  });
  if (!draft) throw new AppError('NOT_FOUND', { messageKey: 'campaignNotFound' });
  const subject = draft.subject as Record<string, string>;
  const body = draft.body as Record<string, string>;
  const rendered = await renderCampaignMessages(
    { subject, body, subjectPrefix: draft.subjectPrefix, useNeutralSender: draft.useNeutralSender },
    writtenLocales(subject, body),
  );

  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<
        Array<{
          status: string;
          audience: unknown;
          subject: unknown;
          body: unknown;
          name: string;
          subjectPrefix: string | null;
          useNeutralSender: boolean;
        }>
      >`
        SELECT status::text AS status, audience, subject, body, name, "subjectPrefix", "useNeutralSender" FROM "EmailCampaign" WHERE id = ${campaignId} FOR UPDATE`;
      const campaign = rows[0];
      if (!campaign) throw new AppError('NOT_FOUND', { messageKey: 'campaignNotFound' });
      if (campaign.status !== 'DRAFT' && campaign.status !== 'SCHEDULED')
        throw new AppError('CLOSED', { messageKey: 'campaignNotEditable' });
      const audience = AudienceSchema.parse(campaign.audience);
      const written = writtenLocales(campaign.subject as Record<string, string>, campaign.body as Record<string, string>);
      if (written.length === 0) throw new AppError('INVALID', { messageKey: 'campaignNeedsOneLanguage' });
      // saveCampaign only edits drafts, but a content change between render and lock must not slip through.
      const renderedFrom = [subject, body, draft.subjectPrefix, draft.useNeutralSender];
      if (
        JSON.stringify([campaign.subject, campaign.body, campaign.subjectPrefix, campaign.useNeutralSender]) !==
        JSON.stringify(renderedFrom)
      ) {
        throw new AppError('CONFLICT', { messageKey: 'campaignStateChanged' });
      }

      const inserted = await tx.$executeRaw`
        INSERT INTO "CampaignRecipient" ("campaignId", "supporterId", "locale", "status")
        SELECT ${campaignId}, s.id, ${resolveLocaleSql(Prisma.sql`s.locale`, written)}, 'PENDING'
        FROM "Supporter" s
        WHERE ${audienceConditionSql(audience)}
        ON CONFLICT ("campaignId", "supporterId") DO NOTHING`;
      const total = await tx.campaignRecipient.count({ where: { campaignId } });
      if ('sessionId' in starter && total > STEP_UP_AUDIENCE_LIMIT) await assertFreshSecondFactor(starter, tx);
      await tx.emailCampaign.update({
        where: { id: campaignId },
        data: { status: 'SENDING', startedAt: new Date(), recipientCount: total, rendered },
      });
      await recordAudit(
        {
          actorId: 'sessionId' in starter ? starter.id : starter.scheduledBy,
          action: 'campaign.send',
          subjectType: 'EmailCampaign',
          subjectId: campaignId,
          details: { name: campaign.name, recipients: total, newlyAdded: inserted, languages: written },
        },
        tx,
      );
      return total;
    },
    { timeout: 120_000 },
  );
}
