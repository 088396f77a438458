/**
 * `npm run db:sync-dev`: for development databases only. Applies the migrations and then what
 * prisma/schema/ adds beyond them, so unfinished models can be tried before their migration
 * is written with `npm run db:migrate`. Never point it at a production database.
 */
import { applyMigrationsAndPendingSchema, runEngineScript } from './lib/migration-engine';

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set.');
    process.exit(2);
  }
  const { pendingSql } = await applyMigrationsAndPendingSchema(databaseUrl);
  console.log(pendingSql ? `Applied beyond the migrations:\n${pendingSql}` : 'The database matches the migrations and the schema.');
}

runEngineScript(main);
