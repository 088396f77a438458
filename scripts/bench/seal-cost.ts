/**
 * What sealing personal data costs the sign path (issue: ≥ 90 % of the rate without it). Run by
 * `npm run bench:sign` in a process of its own, on a database of its own (no worker, no server):
 * signPetition() 50 at a time, in rounds that alternate the real keyring and a keyring that stores
 * the values as they are, same PostgreSQL, same run. HTTP and the mail a signature causes cost the
 * same with or without sealing, so this ratio is the lower bound of the ratio over HTTP.
 * Prints one JSON line: { sealedPerSecond, clearPerSecond, ratio, rounds }.
 */
import { randomBytes } from 'node:crypto';

const SIGNATURES_PER_ROUND = Number(process.env.SEAL_COST_SIGNATURES ?? 3000);
const ROUNDS = 3;
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
    sealOptional: (_kind, value) => value ?? null,
    open: (_kind, value) => value,
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
              email: `seal${sequence}@bench.example`,
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

  await round(sealing); // warm-up: connections, JIT, statement plans
  const sealed: number[] = [];
  const clearRates: number[] = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    sealed.push(await round(sealing));
    clearRates.push(await round(clear));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
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
