import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { sealCaughtMessage } from '../../lib/mailbox/caught-message';
import { log } from '../../lib/log';
import { loadKeyringWith } from '../../lib/security/keyring';
import { startSmtpReceiver, type ReceivedMessage } from '../../lib/smtp-receiver';

export type SmtpCatcherOptions = {
  /** 0 picks a free port. */
  port: number;
  databaseUrl: string;
  /** Opens the database's data keys: what is caught is stored sealed, like every address. */
  masterKey: Buffer;
  /** Largest message accepted, in bytes (default 10 MB). */
  sizeLimit?: number;
};

export type RunningSmtpCatcher = { port: number; stop(): Promise<void> };

/**
 * A real SMTP server on 127.0.0.1 that keeps every message in CaughtMail instead of delivering it:
 * demo and tests see exactly what a relay would have received. No auth, no TLS: loopback only.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions): Promise<RunningSmtpCatcher> {
  const sizeLimit = options.sizeLimit ?? 10 * 1024 * 1024;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4, application_name: 'dauys-smtp-catcher' });
  // An idle connection that PostgreSQL closes (a Ctrl-C reaches postgres directly, before this
  // process stops the catcher) is dropped by the pool; unheard, the event would crash the launcher.
  pool.on('error', (error) => log.warn({ component: 'smtp-catcher', err: error }, 'database connection lost'));
  const ring = await loadKeyringWith(async (sql, params) => (await pool.query(sql, params)).rows, options.masterKey).catch(
    async (error: unknown) => {
      await pool.end();
      throw error;
    },
  );

  async function store({ raw, from, to }: ReceivedMessage) {
    const parsed = await simpleParser(raw).catch(() => undefined);
    const message = await sealCaughtMessage(ring, {
      from: parsed?.from?.text || from,
      to,
      subject: parsed?.subject ?? '',
      text: parsed?.text ?? null,
      html: typeof parsed?.html === 'string' ? parsed.html : null,
      raw: raw.toString('utf8'),
    });
    await pool.query(`INSERT INTO "CaughtMail" (id, message, "receivedAt") VALUES ($1, $2, now())`, [randomUUID(), message]);
  }

  const receiver = await startSmtpReceiver({
    port: options.port,
    host: '127.0.0.1',
    name: 'smtp-catcher',
    banner: 'Dauys local mail catcher: nothing is delivered',
    sizeLimit,
    store,
  });

  return {
    port: receiver.port,
    async stop() {
      await receiver.stop();
      await pool.end();
    },
  };
}
