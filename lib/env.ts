import { z } from 'zod';
import { LogFormatSchema, LogLevelSchema } from '@/lib/log-settings';
import { KeyringError, parseMasterKey } from '@/lib/security/keyring';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string. Unset: `npm start` runs an embedded PostgreSQL and sets it. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** SMTP relay, e.g. smtp://user:pass@host:587 or smtps://…:465. Unset: a local catcher. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Set by `npm start` when it runs the local SMTP catcher, so the console shows the Mailbox. */
  MAIL_CATCHER: booleanFlag.default(false),
  MAIL_FROM: z.string().min(3).default('Dauys <no-reply@dauys.localhost>'),
  /**
   * Discreet mail, the deployment's default: subjects, sender name and preview lines that do not name
   * the petition, event or reform. An admin's choice in the console, once made, wins over it.
   */
  DAUYS_DISCREET_MAIL: booleanFlag.default(true),
  /** The public base URL of the site, used in every link in mail. */
  APP_URL: z.url().default('http://localhost:3000'),
  /** Secret that signs sessions and unsubscribe tokens; at least 32 characters. */
  AUTH_SECRET: z.string().min(32).optional(),
  /**
   * The master key that opens the data keys sealing personal data (32 random bytes, base64 or hex).
   * Unset: `npm start` keeps one in .data/master-key. Lost means the personal data cannot be read.
   */
  DAUYS_MASTER_KEY: z.string().min(1).optional(),
  /**
   * Organizers must enrol a second factor (passkey or authenticator app) before they reach the
   * console: the default for a new install. The zero-config demo (local mail catcher) starts with it
   * off. An admin's choice in the console, once made, wins over it.
   */
  DAUYS_REQUIRE_SECOND_FACTOR: booleanFlag.optional(),
  /** An organizer's session ends this many hours after sign-in, whatever the activity (an admin can change it). */
  SESSION_LIFETIME_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** …and after this many minutes without a console page or action (an admin can change it). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  /** The first admin; invited at every start when set. */
  ADMIN_EMAIL: z.email().optional(),
  /**
   * Reverse proxies in front that append to X-Forwarded-For (none: 0, nginx: 1, a CDN then nginx: 2).
   * The client address for per-IP limits is the entry this many before the TCP peer; 0 takes the
   * peer itself, so a client cannot choose its address (lib/client-ip.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Connections each process's Prisma client may hold; idle ones close after a minute. Each open
   * connection is a PostgreSQL process, so the total across processes is what a small server pays
   * for (docs/operations.md, "Memory").
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Name the statements a process runs often, so each connection parses and plans them once
   * (lib/prepared-statements.ts). Set false behind a pooler that cannot keep prepared statements.
   */
  DATABASE_PREPARED_STATEMENTS: booleanFlag.default(true),
  /** Run the pg-boss workers inside each Next.js server process. Set false with `npm run worker`. */
  WORKER_IN_PROCESS: booleanFlag.default(true),
  /**
   * Port of the SMTP server that receives replies to the List-Unsubscribe mailto (unsubscribe@ the
   * MAIL_FROM domain); it runs in the worker process. Unset: no such server.
   */
  UNSUBSCRIBE_MAILBOX_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  UNSUBSCRIBE_MAILBOX_HOST: z.string().min(1).default('0.0.0.0'),
  /** First wait before a mail is retried after a temporary SMTP failure; doubles on each retry. */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(30),
  /** The longest wait between two tries of one mail (the doubling stops here). */
  MAIL_RETRY_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).default(3600),
  /**
   * How long a mail that keeps failing temporarily (4xx, relay unreachable) is tried before it is
   * failed, counted from when it was queued; a mail server's queue lifetime. At most 10 days.
   */
  MAIL_RETRY_FOR_HOURS: z.coerce.number().positive().max(240).default(72),
  /** Deadline of one delivery attempt, connection to the server's answer; also the SMTP timeouts. */
  MAIL_SEND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  /** While the relay is unreachable, a worker checks it this often and resends held mail when it answers. */
  MAIL_RELAY_PROBE_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  /** Campaign mail throttle: at most this many messages in any second / hour; 0 = unlimited. */
  MAIL_RATE_PER_SECOND: z.coerce.number().int().min(0).default(0),
  MAIL_RATE_PER_HOUR: z.coerce.number().int().min(0).default(0),
  /** DKIM signing of campaign mail; all three set, or none. The key is PEM (\n escapes allowed). */
  DKIM_DOMAIN: z.string().min(3).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY: z.string().min(64).optional(),
  /** Retention (lib/retention/): a petition's signatures are anonymised this long after it closes or is answered. */
  RETENTION_SIGNATURE_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  /** RSVPs are anonymised this many days after their event ends. */
  RETENTION_RSVP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Signatures' client address hash and prefix are cleared after this many days. */
  RETENTION_IP_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** A sent, skipped or failed mail's address, subject and body are cleared from the outbox after this many days. */
  RETENTION_MAIL_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Mail caught by the local catcher (demo, tests) is deleted after this many days. */
  RETENTION_CAUGHT_MAIL_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Finished jobs (and their data: rendered mail) leave the job queue after at most this many days. */
  RETENTION_JOB_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  /** An import's file never run, and the rows it refused, are deleted this many days after it ended (or was uploaded). */
  RETENTION_IMPORT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** The least severe log entries written (lib/log.ts, which reads it itself); silent: none. */
  LOG_LEVEL: LogLevelSchema.default('info'),
  /** json: one JSON object per line; pretty: one readable line per entry. Default: json in production, pretty elsewhere. */
  LOG_FORMAT: LogFormatSchema.optional(),
});

export type Env = z.infer<typeof EnvSchema>;

function readEnv(): Env {
  const source = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}\nSee .env.example and the README.`);
  }
  return parsed.data;
}

export const env = readEnv();

// NOTE: next-auth 4 reads NEXTAUTH_URL from process.env on every request (links, cookies, origin);
// it is derived from APP_URL here so the rest of the app has one base URL to configure.
process.env.NEXTAUTH_URL ??= env.APP_URL;

export function requireMasterKey(): Buffer {
  if (!env.DAUYS_MASTER_KEY) {
    throw new KeyringError('DAUYS_MASTER_KEY is not set: `npm start` keeps one in .data/master-key, or set 32 random bytes (base64).');
  }
  return parseMasterKey(env.DAUYS_MASTER_KEY);
}

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: start Dauys with `npm start`, or set it to a PostgreSQL URL.');
  }
  return env.DATABASE_URL;
}

export function requireAuthSecret(): string {
  if (!env.AUTH_SECRET) {
    throw new Error('AUTH_SECRET is not set: `npm start` creates one, or set 32+ random characters.');
  }
  return env.AUTH_SECRET;
}
