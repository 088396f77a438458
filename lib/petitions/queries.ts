import { db } from '@/lib/db';
import type { PetitionStatus, Region } from '@/lib/generated/prisma/enums';
import { getPublicCount } from '@/lib/petitions/count';
import { isSlug } from '@/lib/validation';
import { createTtlCache } from '@/lib/petitions/ttl-cache';
import { keyring } from '@/lib/security/personal-data';

export type LocalizedJson = Record<string, string>;

export type PublicPetition = {
  id: string;
  slug: string;
  title: LocalizedJson;
  summary: LocalizedJson;
  body: LocalizedJson;
  addressee: LocalizedJson;
  goal: number;
  milestones: number[];
  status: PetitionStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  handedOverAt: Date | null;
  handoverNote: LocalizedJson | null;
  respondedAt: Date | null;
  response: LocalizedJson | null;
  isDemo: boolean;
};

const publicSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  addressee: true,
  goal: true,
  milestones: true,
  status: true,
  opensAt: true,
  closesAt: true,
  handedOverAt: true,
  handoverNote: true,
  respondedAt: true,
  response: true,
  isDemo: true,
} as const;

// Text changes rarely and only by organizers (who invalidate it); page views must not query it each time.
// Bounded: a page view for a made-up slug caches its null like any other.
const petitionCache = createTtlCache<PublicPetition | null>(5_000, { maxEntries: 256 });
const signersCache = createTtlCache<Array<{ fullNameSealed: string; region: Region; confirmedAt: Date | null }>>(5_000, {
  maxEntries: 256,
});

/** A petition anyone may see (not a draft), or null. Cached per process for a few seconds. */
export async function findPublicPetition(slug: string): Promise<PublicPetition | null> {
  if (!isSlug(slug)) return null;
  return petitionCache.get(slug, async () => {
    const row = await db.petition.findFirst({ where: { slug, status: { not: 'DRAFT' } }, select: publicSelect });
    return (row as PublicPetition | null) ?? null;
  });
}

export function forgetPublicPetition(slug?: string): void {
  petitionCache.invalidate(slug);
  signersCache.invalidate(slug);
}

export function isSignable(petition: Pick<PublicPetition, 'status' | 'opensAt' | 'closesAt'>, now = new Date()): boolean {
  return petition.status === 'OPEN' && (!petition.opensAt || petition.opensAt <= now) && (!petition.closesAt || petition.closesAt > now);
}

export type PublicFigures = { slug: string; status: PetitionStatus; goal: number; count: number; nextMilestone: number | null };

export function nextMilestone(milestones: number[], goal: number, count: number): number | null {
  return [...milestones, goal].sort((a, b) => a - b).find((m) => m > count) ?? null;
}

export async function getPublicFigures(petition: PublicPetition): Promise<PublicFigures> {
  const count = await getPublicCount(petition.id);
  return {
    slug: petition.slug,
    status: petition.status,
    goal: petition.goal,
    count,
    nextMilestone: nextMilestone(petition.milestones, petition.goal, count),
  };
}

export type PublicSigner = { name: string; region: Region; confirmedAt: Date };

/** "Aigerim K." from "Aigerim Karimova": first name and the initial of the last word. */
export function publicName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return parts[0] ?? '';
  return `${parts[0]} ${parts.at(-1)!.charAt(0).toUpperCase()}.`;
}

/** The newest confirmed signers who chose to be shown, as first name + initial + region. */
export async function findRecentPublicSigners(petitionId: string, slug: string, limit = 10): Promise<PublicSigner[]> {
  // The cache holds the names sealed; each page view opens its ten (microseconds).
  const [rows, keys] = await Promise.all([
    signersCache.get(slug, () =>
      db.signature.findMany({
        where: { petitionId, status: 'CONFIRMED', isPublic: true },
        orderBy: { confirmedAt: 'desc' },
        take: limit,
        select: { fullNameSealed: true, region: true, confirmedAt: true },
      }),
    ),
    keyring(),
  ]);
  return rows.map((row) => ({
    name: publicName(keys.open('name', row.fullNameSealed)),
    region: row.region,
    confirmedAt: row.confirmedAt!,
  }));
}

export type PetitionListItem = Pick<PublicPetition, 'slug' | 'title' | 'summary' | 'goal' | 'status' | 'isDemo' | 'closesAt'> & {
  id: string;
  count: number;
};

/** Open petitions first, then the closed ones with their outcome (never drafts). */
export async function findPublicPetitions(): Promise<PetitionListItem[]> {
  const rows = await db.petition.findMany({
    where: { status: { not: 'DRAFT' } },
    orderBy: [{ createdAt: 'desc' }],
    select: { id: true, slug: true, title: true, summary: true, goal: true, status: true, isDemo: true, closesAt: true },
  });
  const items = await Promise.all(
    rows.map(async (row) => ({ ...(row as Omit<PetitionListItem, 'count'>), count: await getPublicCount(row.id) })),
  );
  return items.sort((a, b) => Number(b.status === 'OPEN') - Number(a.status === 'OPEN'));
}
