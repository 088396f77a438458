/**
 * What sealing personal data costs the sign path (issue: ≥ 90 % of the rate without it). Run by
 * `npm run bench:sign` in a process of its own, on a database of its own (no worker, no server):
 * signPetition() 50 at a time, in rounds that alternate (ABBA) the real keyring and a keyring that
 * stores the values as they are, same PostgreSQL, same run; the median round of each. HTTP and the mail a signature causes cost the
 * same with or without sealing, so this ratio is the lower bound of the ratio over HTTP.
 * Prints one JSON line: { sealedPerSecond, clearPerSecond, ratio, rounds }.
 */
import { randomBytes, randomUUID } from 'node:crypto';

const SIGNATURES_PER_ROUND = Number(process.env.SEAL_COST_SIGNATURES ?? 3000);
/** Sealed (S) and not (C) in an ABBA order, so a drift over the run (caches warming) favours neither. */
const ORDER = ['S', 'C', 'C', 'S', 'S', 'C', 'C', 'S'] as const;
const CONCURRENCY = 50;

async function main() {
  const { db } = await import('../../lib/db');
  const { signPetition } = await import('../../lib/petitions/sign-petition');
  const { keyring, replaceKeyringForBenchmark } = await import('../../lib/security/personal-data');
  const { canonicalEmail } = await import('../../lib/security/canonical-email');
  const sealing = await keyring();
  const clear: typeof sealing = {
    fingerprint: 'none',
    seal: (_kind, value) => value,
    sealCompressed: async (_kind, value) => Buffer.from(value).toString('utf8'),
    sealOptional: (_kind, value) => value ?? null,
    open: (_kind, value) => value,
    openBytes: async (_kind, value) => Buffer.from(value),
    openOptional: (_kind, value) => value ?? null,
    emailIndex: canonicalEmail,
  };
  const slug = `seal-cost-${randomBytes(3).toString('hex')}`;
  await db.petition.create({
    data: { slug, title: {}, summary: {}, body: {}, addressee: {}, goal: 1_000_000, milestones: [], status: 'OPEN' },
  });

  let sequence = 0;
  async function round(keys: typeof sealing): Promise<number> {
    replaceKeyringForBenchmark(keys);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SIGNATURES_PER_ROUND) {
          next += 1;
          sequence += 1;
          const outcome = await signPetition(
            slug,
            {
              fullName: 'Bench Signer',
              // Random, as people's addresses are: sequential ones would favour a plain index over a blind one.
              email: `${randomUUID()}@bench.example`,
              region: 'ALMATY',
              city: 'Almaty',
              comment: 'A comment of a usual length, a sentence or two about why this matters.',
              isPublic: false,
              consent: true,
              wantsUpdates: false,
              locale: 'en',
              website: undefined,
            },
            { clientAddress: `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}` },
          );
          if (outcome !== 'accepted') throw new Error(`signature ${sequence}: ${outcome}`);
        }
      }),
    );
    return (SIGNATURES_PER_ROUND / (performance.now() - started)) * 1000;
  }

  // Warm-up: connections, JIT, statement plans, the indexes' first pages.
  await round(sealing);
  await round(clear);
  const sealed: number[] = [];
  const clearRates: number[] = [];
  for (const arm of ORDER) {
    if (arm === 'S') sealed.push(await round(sealing));
    else clearRates.push(await round(clear));
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
  };
  const result = {
    sealedPerSecond: Math.round(median(sealed)),
    clearPerSecond: Math.round(median(clearRates)),
    ratio: median(sealed) / median(clearRates),
    rounds: { sealed: sealed.map(Math.round), clear: clearRates.map(Math.round) },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await db.$disconnect();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
