import { recordAudit } from '@/lib/audit';
import { CampaignDraftSchema, writtenLocales, type CampaignDraftInput } from '@/lib/campaigns/schemas';
import { db } from '@/lib/db';
import { sendMails } from '@/lib/mailer';

/**
 * Queues the draft, one mail per written language, to the organizer only, through the outbox like
 * any other mail (template `campaign-test`). Resolves to the number of languages.
 */
export async function sendCampaignTestMail(input: CampaignDraftInput, organizer: { id: string; email: string }): Promise<number> {
  const draft = CampaignDraftSchema.parse(input);
  const locales = writtenLocales(draft.subject, draft.body);
  await db.$transaction(async (tx) => {
    await sendMails(
      locales.map((locale) => ({
        to: organizer.email,
        locale,
        template: 'campaign-test' as const,
        props: {
          subject: draft.subject[locale]!,
          body: draft.body[locale]!,
          subjectPrefix: draft.subjectPrefix,
          useNeutralSender: draft.useNeutralSender,
        },
      })),
      tx,
    );
    await recordAudit({ actorId: organizer.id, action: 'campaign.test-send', details: { name: draft.name, languages: locales } }, tx);
  });
  return locales.length;
}
