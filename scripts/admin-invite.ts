/**
 * `npm run admin:invite -- someone@example.org`: lets that address sign in as an admin (creates the
 * user or promotes an organizer). Uses DATABASE_URL; against the embedded database of `npm start`,
 * run it while Dauys is running, with DATABASE_URL=postgresql://dauys:dauys@127.0.0.1:54329/dauys.
 */
async function main() {
  const email = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  if (!email) {
    console.error('Usage: npm run admin:invite -- someone@example.org');
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL is not set: point it at the Dauys database.');
    process.exit(2);
  }
  const { EmailSchema } = await import('../lib/validation');
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) {
    console.error(`Not an email address: ${email}`);
    process.exit(2);
  }
  const { ensureAdmin } = await import('../lib/organizers/ensure-admin');
  const { db } = await import('../lib/db');
  try {
    const result = await ensureAdmin(parsed.data);
    const what = { created: 'is now an admin', promoted: 'was promoted to admin', none: 'was already an admin' }[result.change];
    const appUrl = process.env.APP_URL ?? 'http://localhost:3000';
    console.log(`${result.email} ${what}. Sign in at ${appUrl}/en/login with that address.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
