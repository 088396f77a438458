import { cache } from 'react';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { DEFAULT_HOTLINES, type HotlineContent } from '@/lib/help/default-hotlines';
import type { LocalizedText } from '@/lib/validation';
import { log } from '@/lib/log';

export type Hotline = HotlineContent & { id: string };

function toLocalizedText(value: unknown): LocalizedText {
  const record = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof LocalizedText, unknown>>;
  const pick = (key: keyof LocalizedText) => (typeof record[key] === 'string' ? record[key] : '');
  const text = { kk: pick('kk'), ru: pick('ru'), en: pick('en') };
  // A text missing in one language shows another rather than an empty line.
  const fallback = text.ru || text.kk || text.en;
  return { kk: text.kk || fallback, ru: text.ru || fallback, en: text.en || fallback };
}

/** The hotlines as stored, in display order (empty when organizers have not saved any). */
export async function findStoredHotlines(): Promise<Hotline[]> {
  const rows = await db.hotline.findMany({
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, number: true, name: true, description: true },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    name: toLocalizedText(row.name),
    description: toLocalizedText(row.description),
  }));
}

function defaultHotlines(): Hotline[] {
  return DEFAULT_HOTLINES.map((hotline, index) => ({ ...hotline, id: `default-${index}` }));
}

const PUBLIC_HOTLINES_TTL_MS = 2_000;
let cachedPublicHotlines: { readAt: number; hotlines: Hotline[] } | undefined;

/** Called after an edit so this process shows it at once; other instances follow within the TTL. */
export function forgetCachedHotlines() {
  cachedPublicHotlines = undefined;
}

/**
 * What every public page shows (the footer too). Help must stay visible when the database is empty,
 * missing or down, so any failure falls back to the built-in list instead of breaking the page.
 * Kept in the process for a few seconds: during a surge, page views must not each cost a query.
 */
export const findPublicHotlines = cache(async (): Promise<Hotline[]> => {
  if (!env.DATABASE_URL) return defaultHotlines();
  if (cachedPublicHotlines && Date.now() - cachedPublicHotlines.readAt < PUBLIC_HOTLINES_TTL_MS) {
    return cachedPublicHotlines.hotlines;
  }
  try {
    const stored = await findStoredHotlines();
    const hotlines = stored.length > 0 ? stored : defaultHotlines();
    cachedPublicHotlines = { readAt: Date.now(), hotlines };
    return hotlines;
  } catch (error) {
    log.error({ component: 'help', err: error }, 'hotlines could not be read; showing the built-in list');
    return defaultHotlines();
  }
});

/** `tel:` target: digits and a leading plus only. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}
