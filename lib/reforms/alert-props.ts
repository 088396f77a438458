import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Locale, ReformStageKind } from '@/lib/generated/prisma/enums';
import { formatDate } from '@/lib/i18n/translator';
import { localized } from '@/lib/i18n/localized';

export type StageForMail = {
  id: string;
  reformId: string;
  stage: ReformStageKind;
  occurredOn: Date;
  note: Prisma.JsonValue;
  sourceUrl: string | null;
  sourceLabel: Prisma.JsonValue;
  reform: { slug: string; title: Prisma.JsonValue };
};

/** Plain props (stored on the outbox row) of the alert mail in one language. */
export type ReformAlertProps = {
  reformTitle: string;
  stage: ReformStageKind;
  date: string;
  note: string;
  sourceUrl?: string;
  sourceLabel?: string;
  reformUrl: string;
};

export function reformUrl(slug: string, locale: Locale): string {
  return `${env.APP_URL.replace(/\/$/, '')}/${locale}/reforms/${encodeURIComponent(slug)}`;
}

export function reformAlertProps(stage: StageForMail, locale: Locale): ReformAlertProps {
  return {
    reformTitle: localized(stage.reform.title, locale),
    stage: stage.stage,
    date: formatDate(stage.occurredOn, locale, 'dateColumn'),
    note: localized(stage.note, locale),
    ...(stage.sourceUrl ? { sourceUrl: stage.sourceUrl } : {}),
    ...(localized(stage.sourceLabel, locale) ? { sourceLabel: localized(stage.sourceLabel, locale) } : {}),
    reformUrl: reformUrl(stage.reform.slug, locale),
  };
}
