/**
 * bench:sign's mail figures: how many confirmation mails went out while the signing ran, then how
 * fast the rest go out (waiting at most 4 minutes). A mail is out when its signature has handed it
 * to the outbox and the outbox row is no longer PENDING.
 */
import type pg from 'pg';

export type MailDrain = { sentDuringSurge: number; backlog: number; sent: number; seconds: number };

async function count(client: pg.Client, sql: string): Promise<number> {
  return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
}

export async function drainMail(client: pg.Client, workerRuns: boolean): Promise<MailDrain> {
  const notSent = () =>
    count(
      client,
      `SELECT (SELECT count(*) FROM "Signature" WHERE "mailPending") + (SELECT count(*) FROM "OutboundMail" WHERE status = 'PENDING') AS n`,
    );
  const sentDuringSurge = await count(client, `SELECT count(*) AS n FROM "OutboundMail" WHERE status = 'SENT'`);
  const start = Date.now();
  const backlog = await notSent();
  let left = backlog;
  while (left > 0 && workerRuns && Date.now() - start < 240_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = await notSent();
  }
  return { sentDuringSurge, backlog, sent: backlog - left, seconds: (Date.now() - start) / 1000 };
}
