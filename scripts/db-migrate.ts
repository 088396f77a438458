/**
 * `npm run db:migrate -- --name <name>`: writes the next migration in prisma/migrations from the
 * changes to prisma/schema/. The diff is computed against a shadow database on DATABASE_URL's
 * server when it is set, otherwise on a throwaway embedded PostgreSQL. No network needed.
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { freePort } from './lib/free-port';
import { createMigration, runEngineScript } from './lib/migration-engine';

async function main() {
  const { values } = parseArgs({ options: { name: { type: 'string', short: 'n' } } });
  if (!values.name) {
    console.error('Usage: npm run db:migrate -- --name <what_changed>');
    process.exit(2);
  }
  let databaseUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!databaseUrl) {
    const dataDir = path.join(os.tmpdir(), `dauys-migrate-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
    databaseUrl = server.url;
    stop = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  try {
    const dir = await createMigration(databaseUrl, values.name);
    console.log(dir ? `Created ${path.relative(process.cwd(), dir)}/migration.sql` : 'The schema matches the migrations: nothing to do.');
  } finally {
    await stop();
  }
}

runEngineScript(main);
