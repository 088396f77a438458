import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { importsOfSupporter } from '@/lib/imports/queries';
import { getSupporterDetail } from '@/lib/supporters/queries';

/** Token and IP hashes are security material, not the person's data. */
function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !['tokenHash', 'ipHash', 'ipPrefix'].includes(key)));
}

/** One person's data as JSON (a subject access request); only with a fresh second factor, and audit-logged. */
export async function exportSupporter(supporterId: string, actor: Actor): Promise<string> {
  await assertFreshSecondFactor(actor);
  const detail = await getSupporterDetail(supporterId, actor, 'supporter.export');
  if (!detail) throw new AppError('NOT_FOUND', { messageKey: 'supporterNotFound' });
  const [outboundMails, imports] = await Promise.all([
    db.outboundMail.findMany({
      where: { supporterId },
      orderBy: { createdAt: 'desc' },
      select: { template: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
    importsOfSupporter(supporterId),
  ]);
  const { supporter, signatures, rsvps, subscriptions } = detail;
  const document = {
    exportedAt: new Date().toISOString(),
    supporter: {
      id: supporter.id,
      email: supporter.email,
      name: supporter.name,
      locale: supporter.locale,
      region: supporter.region,
      city: supporter.city,
      createdAt: supporter.createdAt,
      bouncedAt: supporter.bouncedAt,
    },
    consents: supporter.consents,
    importedFrom: imports,
    unsubscribes: supporter.unsubscribes.map(({ topic, createdAt }) => ({ topic, createdAt })),
    tags: supporter.tags.map(({ tag }) => tag.name),
    signatures: signatures.map(withoutSecrets),
    rsvps: rsvps.map(withoutSecrets),
    reformSubscriptions: subscriptions.map(withoutSecrets),
    campaignMails: supporter.campaignRecipients.map((r) => ({ campaign: r.campaign.name, status: r.status, sentAt: r.sentAt })),
    otherMails: outboundMails,
  };
  return JSON.stringify(document, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2);
}
