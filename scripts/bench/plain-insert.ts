/** The machine's ceiling for bench:sign: the Signature row, plain INSERTs from Node on `connections` connections for `seconds`. */
import pg from 'pg';

export async function plainInsertRate(databaseUrl: string, petitionId: string, seconds: number, connections = 64): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const supporterId = (await pool.query<{ id: string }>(`SELECT id FROM "Supporter" LIMIT 1`)).rows[0]!.id;
  const run = Date.now().toString(36);
  let inserts = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = 0; Date.now() < until; i += 1) {
        await pool.query(
          `INSERT INTO "Signature" ("petitionId", "supporterId", "emailIndex", "emailSealed", "fullNameSealed", region, locale, "consentVersion", "ipHash", "ipPrefixSealed", "expiresAt", "mailPending")
           VALUES ($1, $2, $3, $3, 'Bench Signer', 'ALMATY', 'en', 'v', 'h', 'p', now() + interval '7 days', false)`,
          [petitionId, supporterId, `plain${worker}.${i}.${run}@bench.example`],
        );
        inserts += 1;
      }
    }),
  );
  await pool.end();
  return inserts / seconds;
}
