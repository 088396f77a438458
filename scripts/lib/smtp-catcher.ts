import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

export type SmtpCatcherOptions = {
  /** 0 picks a free port. */
  port: number;
  databaseUrl: string;
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
  let stopping = false;
  pool.on('error', (error) => {
    if (!stopping) console.error('[smtp-catcher] database connection lost', error.message);
  });

  async function store(raw: Buffer, envelope: { from: string; to: string[] }) {
    const source = raw.toString('utf8');
    const parsed = await simpleParser(raw).catch(() => undefined);
    await pool.query(
      `INSERT INTO "CaughtMail" (id, "fromAddr", "toAddrs", subject, text, html, raw, "receivedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [
        randomUUID(),
        parsed?.from?.text || envelope.from,
        envelope.to,
        parsed?.subject ?? '',
        parsed?.text ?? null,
        typeof parsed?.html === 'string' ? parsed.html : null,
        source,
      ],
    );
  }

  const server = new SMTPServer({
    name: 'dauys-catcher',
    banner: 'Dauys local mail catcher: nothing is delivered',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: sizeLimit,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error(`Message exceeds the ${sizeLimit} byte limit`), { responseCode: 552 }));
          return;
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        store(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error: unknown) => {
            console.error('[smtp-catcher] could not store a message', error);
            callback(Object.assign(new Error('Temporary storage failure'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (error) => console.error('[smtp-catcher]', error));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    async stop() {
      stopping = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
