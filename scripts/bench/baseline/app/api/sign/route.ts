import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: 10 });

/** The Dauys sign request's JSON body, parsed and stored as one row of the Signature table's shape: nothing else. */
export async function POST(request: Request): Promise<Response> {
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body.email !== 'string' || typeof body.fullName !== 'string' || body.consent !== true) {
    return Response.json({ ok: false }, { status: 400 });
  }
  await pool.query(
    `INSERT INTO "BaselineSignature" ("petitionId", "emailIndex", "emailSealed", "fullNameSealed", region, locale, "consentVersion", "expiresAt")
     VALUES ('baseline', $1, $1, $2, $3, $4, 'v1', now() + interval '7 days')`,
    [body.email, body.fullName, body.region, body.locale],
  );
  return Response.json({ ok: true });
}
