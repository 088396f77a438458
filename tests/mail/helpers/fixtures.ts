import type { PrismaClient } from '@/lib/generated/prisma/client';

/** A petition to sign; the rows are written directly so the test depends only on the schema. */
export async function createOpenPetition(db: PrismaClient, slug: string) {
  const text = (value: string) => ({ kk: `${value} kk`, ru: `${value} ru`, en: value });
  return db.petition.create({
    data: {
      slug,
      title: text('Protect survivors'),
      summary: text('Summary'),
      body: text('Body'),
      addressee: text('Parliament'),
      goal: 1000,
      milestones: [],
      status: 'OPEN',
    },
  });
}

/**
 * Signatures whose confirmation mail is owed (`mailPending`), as signing leaves them; the
 * `petitions.mail` job renders and queues the mail.
 */
export async function addPendingSignatures(db: PrismaClient, petitionId: string, emails: readonly string[]): Promise<void> {
  // Imported here: test files import this module before they configure the environment lib/env reads.
  const { sealedSigner, sealedSupporter } = await import('@/tests/support/personal-data');
  for (const email of emails) {
    const sealed = await sealedSupporter(email);
    const supporter = await db.supporter.upsert({
      where: { emailIndex: sealed.emailIndex },
      create: { ...sealed, locale: 'en' },
      update: {},
    });
    await db.signature.create({
      data: {
        petitionId,
        supporterId: supporter.id,
        ...(await sealedSigner(email, 'Test Signer')),
        region: 'ALMATY',
        locale: 'en',
        consentVersion: 'test-1',
      },
    });
  }
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Prints the figures of a fault test (docs/reliability.md quotes them) and returns them. */
export function report(name: string, figures: Record<string, number | string>): Record<string, number | string> {
  const text = Object.entries(figures)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  console.info(`[reliability] ${name}: ${text}`);
  return figures;
}
