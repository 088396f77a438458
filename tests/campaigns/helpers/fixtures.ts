import { db } from '@/lib/db';
import { sealedSupporter } from '@/tests/support/personal-data';
import type { Locale, Region } from '@/lib/generated/prisma/enums';
import { saveCampaign } from '@/lib/campaigns/save-campaign';
import type { AudienceInput } from '@/lib/campaigns/schemas';

export type SupporterSpec = {
  email: string;
  locale?: Locale;
  region?: Region | null;
  /** 'updates' consent: given (default), never given, or given and withdrawn. */
  consent?: 'given' | 'none' | 'withdrawn';
  unsubscribed?: string[];
  bounced?: boolean;
  tags?: string[];
};

export async function createSupporter(spec: SupporterSpec) {
  const supporter = await db.supporter.create({
    data: {
      ...(await sealedSupporter(spec.email, spec.email.split('@')[0])),
      locale: spec.locale ?? 'ru',
      region: spec.region ?? null,
      bouncedAt: spec.bounced ? new Date() : null,
    },
  });
  const consent = spec.consent ?? 'given';
  if (consent !== 'none') {
    await db.consent.create({
      data: {
        supporterId: supporter.id,
        purpose: 'updates',
        textVersion: 'test-1',
        action: 'test',
        withdrawnAt: consent === 'withdrawn' ? new Date() : null,
      },
    });
  }
  for (const topic of spec.unsubscribed ?? []) {
    await db.unsubscribe.create({ data: { supporterId: supporter.id, topic } });
  }
  for (const name of spec.tags ?? []) {
    const tag = await db.tag.upsert({ where: { name }, create: { name }, update: {} });
    await db.supporterTag.create({ data: { supporterId: supporter.id, tagId: tag.id } });
  }
  return supporter;
}

export async function createOrganizer(email = 'organizer@example.org') {
  return db.user.upsert({ where: { email }, create: { email, role: 'ORGANIZER' }, update: {} });
}

export const BODY = {
  kk: 'Сәлем! **Маңызды** жаңалық.',
  ru: 'Здравствуйте! **Важная** новость.',
  en: 'Hello! **Important** news.',
};
export const SUBJECT = { kk: 'Жаңалық', ru: 'Новость', en: 'News' };

export async function createCampaign(
  actor: { id: string },
  overrides: {
    audience?: AudienceInput;
    subject?: Record<string, string>;
    body?: Record<string, string>;
    useNeutralSender?: boolean;
    subjectPrefix?: string;
  } = {},
) {
  return saveCampaign(
    {
      name: 'Test campaign',
      subject: overrides.subject ?? SUBJECT,
      body: overrides.body ?? BODY,
      audience: overrides.audience ?? { sources: [{ type: 'updates' }] },
      useNeutralSender: overrides.useNeutralSender ?? false,
      subjectPrefix: overrides.subjectPrefix ?? '',
    },
    actor,
  );
}
