import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import type { ReformAlertFrequency } from '@/lib/generated/prisma/enums';
import type { STAGES } from '@/lib/reforms/constants';

let counter = 0;

export async function createReform(slug = `reform-${++counter}`, title = { kk: `Заң ${slug}`, ru: `Закон ${slug}`, en: `Law ${slug}` }) {
  return db.reform.create({
    data: { slug, title, summary: { kk: 'Қысқаша', ru: 'Кратко', en: 'In short' } },
    select: { id: true, slug: true },
  });
}

export async function createOrganizer(email = `organizer-${++counter}@example.org`) {
  return db.user.create({ data: { email, role: 'ORGANIZER' }, select: { id: true } });
}

type SubscriberOptions = {
  prefix: string;
  count: number;
  reformId: string | null;
  frequency?: ReformAlertFrequency;
  confirmed?: boolean;
  /** Confirmed this long before `now`. */
  confirmedAgoSeconds?: number;
  /** The instant confirmedAgoSeconds counts back from; the database's clock unless a test runs its own. */
  now?: Date;
};

/** Confirmed (or pending) subscribers in bulk; locales cycle kk, ru, en. Emails: <prefix>-<n>@example.org. */
export async function addSubscribers(options: SubscriberOptions): Promise<void> {
  const { prefix, count, reformId } = options;
  const frequency = options.frequency ?? 'EACH';
  const confirmed = options.confirmed ?? true;
  const ago = options.confirmedAgoSeconds ?? 3600;
  const confirmedAt = options.now ? new Date(options.now.getTime() - ago * 1000) : null;
  const keys = await keyring();
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  const emails = numbers.map((n) => `${prefix}-${n}@example.org`);
  await db.$executeRaw`
    INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", locale, "updatedAt")
    SELECT ${prefix} || '-' || v.n, v.ix, v.sealed, (ARRAY['kk','ru','en'])[1 + v.n % 3]::"Locale", now()
      FROM unnest(${numbers}::int[], ${emails.map((email) => keys.emailIndex(email))}::text[],
                  ${emails.map((email) => keys.seal('email', email))}::text[]) AS v(n, ix, sealed)
    ON CONFLICT ("emailIndex") DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "ReformSubscription" (id, "supporterId", "reformId", "scopeKey", locale, frequency, status, "consentVersion", "confirmedAt")
    SELECT 'sub-' || ${prefix} || '-' || n || '-' || ${reformId ?? 'all'}, s.id, ${reformId}, ${reformId ?? 'all'}, s.locale,
           ${frequency}::"ReformAlertFrequency", ${confirmed ? 'CONFIRMED' : 'PENDING'}::"ReformSubscriptionStatus", 'test',
           CASE WHEN ${confirmed} THEN COALESCE(${confirmedAt}::timestamp, (now() - make_interval(secs => ${ago}))::timestamp) ELSE NULL END
    FROM generate_series(1, ${count}) AS n JOIN "Supporter" s ON s.id = ${prefix} || '-' || n`;
}

export const stageInput = (stage: (typeof STAGES)[number], occurredOn: string, note = 'Note') => ({
  stage,
  occurredOn,
  note: { kk: `${note} (kk)`, ru: `${note} (ru)`, en: `${note} (en)` },
  sourceUrl: 'https://example.org/source',
  sourceLabel: { kk: 'Мысал дереккөз', ru: 'Пример источника', en: 'Example source' },
});
