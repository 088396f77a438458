import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';
import { freePort } from '../../scripts/lib/free-port';
import { applyMigrationsAndPendingSchema } from '../../scripts/lib/migration-engine';

export const TEMPLATE_DATABASE = 'dauys_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

/**
 * One real PostgreSQL for the whole run. prisma/migrations is applied once to a template database;
 * every test file then gets its own copy of it (tests/setup/database-per-file.ts).
 */
export default async function setup(project: TestProject) {
  const dataDir = path.join(os.tmpdir(), `dauys-test-pg-${process.pid}`);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: TEMPLATE_DATABASE,
    ephemeral: true,
  });
  const { pendingSql } = await applyMigrationsAndPendingSchema(server.url);
  if (pendingSql) {
    console.warn('[tests] prisma/schema/ is ahead of prisma/migrations; applied the difference for this run.');
  }

  // Drop the template's connections so CREATE DATABASE … TEMPLATE can copy it.
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
    TEMPLATE_DATABASE,
  ]);
  await admin.end();

  project.provide('postgresAdminUrl', server.urlFor('postgres'));
  project.provide('templateDatabase', TEMPLATE_DATABASE);

  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
