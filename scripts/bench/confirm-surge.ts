/**
 * bench:sign's confirmation surge: up to 3,000 pending signatures confirmed through the function the
 * confirm button calls, 32 at once, then how long each server's displayed count takes to equal the
 * true count. Needs DATABASE_URL and DAUYS_MASTER_KEY set in this process (lib/ reads them).
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

export type ConfirmSurge = { perSecond: number; truth: number; secondsUntilTrue: number[] };

export async function confirmationSurge(client: pg.Client, petitionId: string, slug: string, baseUrls: string[]): Promise<ConfirmSurge> {
  const { confirmSignature } = await import('../../lib/petitions/confirm-signature');
  const tokens = Array.from({ length: 3000 }, () => randomBytes(32).toString('base64url'));
  const pending = (
    await client.query<{ id: string }>(`SELECT id FROM "Signature" WHERE "petitionId" = $1 AND status = 'PENDING' ORDER BY id LIMIT 3000`, [
      petitionId,
    ])
  ).rows;
  for (let i = 0; i < pending.length; i += 1) {
    await client.query(`UPDATE "Signature" SET "tokenHash" = $1 WHERE id = $2`, [
      createHash('sha256').update(tokens[i]!).digest('hex'),
      pending[i]!.id,
    ]);
  }
  const confirmStart = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < pending.length) await confirmSignature(tokens[next++]!);
    }),
  );
  const surgeEnd = Date.now();
  const truth = Number(
    (
      await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Signature" WHERE "petitionId" = $1 AND status = 'CONFIRMED'`, [
        petitionId,
      ])
    ).rows[0]!.n,
  );
  const secondsUntilTrue = async (base: string) => {
    for (;;) {
      const shown = (await (await fetch(`${base}/api/petitions/${slug}`)).json()) as { count: number };
      if (shown.count === truth) return (Date.now() - surgeEnd) / 1000;
      if (Date.now() - surgeEnd > 60_000) throw new Error(`count still ${shown.count}, truth ${truth}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    perSecond: (pending.length / (surgeEnd - confirmStart)) * 1000,
    truth,
    secondsUntilTrue: await Promise.all(baseUrls.map(secondsUntilTrue)),
  };
}
