import pg from 'pg';
import { isCaughtFor, openCaughtMessage } from '@/lib/mailbox/caught-message';
import { loadKeyringWith, parseMasterKey, type Keyring } from '@/lib/security/keyring';

export type CaughtMessage = { id: string; subject: string; text: string; html: string; raw: string; receivedAt: Date };

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

/**
 * The e2e server's keyring (playwright.config.ts gives this process its master key), to open sealed
 * rows: caught mail here, a supporter's or a signer's columns in specs.
 */
export async function keyringOf(client: pg.Client): Promise<Keyring> {
  const masterKey = process.env.DAUYS_MASTER_KEY;
  if (!masterKey) throw new Error('DAUYS_MASTER_KEY (set by playwright.config.ts) is needed to open sealed rows');
  return loadKeyringWith(async (sql, params) => (await client.query(sql, params)).rows, parseMasterKey(masterKey));
}

type CaughtMailRow = { id: string; message: string; receivedAt: Date };

function opened(ring: Keyring, row: CaughtMailRow): CaughtMessage & { to: string[] } {
  const { to, subject, text, html, raw } = openCaughtMessage(ring, row.message);
  return { id: row.id, to, subject, text: text ?? '', html: html ?? '', raw, receivedAt: row.receivedAt };
}

/**
 * A moment to read mail from, on the database's clock, which stamps caught mail. This process's clock
 * may run apart from it: under libfaketime each process's fake clock can start on its own.
 */
export async function mailMark(): Promise<Date> {
  return withDatabase(async (client) => (await client.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!.now);
}

const PAGE = 500;

/**
 * Caught mail is sealed: messages since `since` are opened, newest first a page at a time, until one
 * is for the recipient (a campaign's flood can put hundreds of others after it).
 */
async function latestMail(to: string, since: Date): Promise<CaughtMessage | undefined> {
  return withDatabase(async (client) => {
    let ring: Keyring | undefined;
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = await client.query<CaughtMailRow>(
        `SELECT id, message, "receivedAt" FROM "CaughtMail" WHERE "receivedAt" >= ($1::timestamptz AT TIME ZONE 'UTC')
          ORDER BY "receivedAt" DESC, id DESC LIMIT ${PAGE} OFFSET $2`,
        [since.toISOString(), offset],
      );
      if (rows.length === 0) return undefined;
      const keys = (ring ??= await keyringOf(client));
      const mail = rows.map((row) => opened(keys, row)).find((message) => isCaughtFor(message, to));
      if (mail || rows.length < PAGE) return mail;
    }
  });
}

/** One caught message by id, opened. */
export async function readCaughtMail(id: string): Promise<CaughtMessage> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<CaughtMailRow>(`SELECT id, message, "receivedAt" FROM "CaughtMail" WHERE id = $1`, [id]);
    if (!rows[0]) throw new Error(`No caught mail ${id}`);
    return opened(await keyringOf(client), rows[0]);
  });
}

/** How many outbox rows to `to` (as typed) were queued since `since`: the address is sealed, so each is opened. */
export async function countOutboundMail(to: string, since: Date = new Date(0)): Promise<number> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ toAddressSealed: string }>(
      `SELECT "toAddressSealed" FROM "OutboundMail" WHERE "createdAt" >= ($1::timestamptz AT TIME ZONE 'UTC')`,
      [since.toISOString()],
    );
    if (rows.length === 0) return 0;
    const ring = await keyringOf(client);
    return rows.filter((row) => ring.open('email', row.toAddressSealed) === to).length;
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
