/**
 * The database steps of `npm start`, run by scripts/start.ts in a process of its own before the
 * servers start: migrations, the master key check, demo content and the admins. What they load (the
 * schema engine, Prisma, the demo texts: about 200 MB) is given back when this process exits, so the
 * launcher that stays up to watch PostgreSQL and catch mail stays small (docs/operations.md, "Memory").
 * Exits 1 with the reason printed when a step fails. With `--sign-in-link` it only prints a new
 * one-time sign-in link for the demo admin, which the launcher shows once the servers are ready.
 */
import { KeyringError } from '../lib/security/keyring';
import { applyMigrations } from './lib/migration-engine';
import { DEMO_ADMIN, START_LINK_VALID_MINUTES } from './lib/demo-admin';
import { StartupError } from './lib/startup-error';

function log(message: string) {
  process.stdout.write(`[dauys] ${message}\n`);
}

async function prepare() {
  const applied = await applyMigrations(process.env.DATABASE_URL!);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  const { keyring } = await import('../lib/security/personal-data');
  log(`Personal data is sealed under the master key ${(await keyring()).fingerprint}.`);

  const { seedDemoContent } = await import('../prisma/seed');
  await seedDemoContent();
  const { ensureAdmin } = await import('../lib/organizers/ensure-admin');
  if (process.env.ADMIN_EMAIL) await ensureAdmin(process.env.ADMIN_EMAIL);
  if (process.env.MAIL_CATCHER === 'true') await ensureAdmin(DEMO_ADMIN);
}

async function printSignInLink() {
  // The Mailbox needs a signed-in organizer, so the first way in cannot be a mailed link.
  const { createOneTimeSignInLink } = await import('../lib/auth/one-time-sign-in-link');
  const link = await createOneTimeSignInLink(DEMO_ADMIN, { validMinutes: START_LINK_VALID_MINUTES });
  process.stdout.write(`${link.url}\n`);
}

(process.argv.includes('--sign-in-link') ? printSignInLink() : prepare())
  .then(async () => {
    const { db } = await import('../lib/db');
    await db.$disconnect();
    // Not left to the event loop: the schema engine (WebAssembly) leaves a 10 s timer behind, and
    // `npm start` waits for this process before it starts the servers.
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(`[dauys] ${error instanceof Error ? error.message : error}`);
    if (!(error instanceof StartupError || error instanceof KeyringError)) console.error(error);
    process.exit(1);
  });
