/** `npm run db:deploy`: applies pending migrations to DATABASE_URL (what `npm start` does at boot). */
import { applyMigrations } from './lib/migration-engine';

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set.');
    process.exit(2);
  }
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
}

main()
  // Not left to the event loop: the schema engine (WebAssembly) leaves a 10 s timer behind.
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
