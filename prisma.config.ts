import { defineConfig } from 'prisma/config';

// NOTE: `env()` from prisma/config throws when DATABASE_URL is unset, even for `generate`;
// the URL is only needed by CLI commands that talk to a database.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/dauys' },
});
