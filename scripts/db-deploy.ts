/** `npm run db:deploy`: applies pending migrations to DATABASE_URL (what `npm start` does at boot). */
import { applyMigrations, runEngineScript } from './lib/migration-engine';

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set.');
    process.exit(2);
  }
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
}

runEngineScript(main);
