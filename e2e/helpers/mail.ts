import pg from 'pg';

export type CaughtMessage = { id: string; subject: string; text: string; html: string; receivedAt: Date };

function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL (set by playwright.config.ts) or DATABASE_URL is needed to read caught mail');
  return url;
}

export async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function latestMail(to: string, since: Date): Promise<CaughtMessage | undefined> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<CaughtMessage>(
      `SELECT id, subject, coalesce(text, '') AS text, coalesce(html, '') AS html, "receivedAt"
         FROM "CaughtMail" WHERE EXISTS (SELECT 1 FROM unnest("toAddrs") AS a WHERE lower(a) = $1 OR lower(a) LIKE '%<' || $1 || '>')
          AND "receivedAt" >= ($2::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "receivedAt" DESC LIMIT 1`,
      [to.toLowerCase(), since.toISOString()],
    );
    return rows[0];
  });
}

/** The newest mail caught for `to` since `since`, polling up to `timeoutMs` (the queue sends it). */
export async function readLatestMail(to: string, since: Date, timeoutMs = 10_000): Promise<CaughtMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = await latestMail(to, since);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves true if no mail to `to` arrives within `waitMs` (for "nothing is sent" checks). */
export async function expectNoMail(to: string, since: Date, waitMs = 4_000): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (await latestMail(to, since)) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
}

/** The first link in the text part whose path matches `pathPattern`. */
export function findLink(mail: CaughtMessage, pathPattern: RegExp): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)) {
    const url = new URL(match[0]);
    if (pathPattern.test(url.pathname)) return url.toString();
  }
  throw new Error(`No link matching ${pathPattern} in mail "${mail.subject}":\n${mail.text}`);
}
