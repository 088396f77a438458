/**
 * `npm run organizer:reset-second-factor -- <email>`: for an organizer who lost every second factor
 * (phone and recovery codes). Removes their passkeys, authenticator app and recovery codes and ends
 * their sessions; they sign in with a mailed link and enrol again. Check who asks by other means
 * first (a call, in person): whoever runs this can let anyone holding that inbox in (docs/operations.md).
 * DATABASE_URL defaults to the embedded PostgreSQL of a running `npm start`.
 */
import process from 'node:process';

async function main() {
  const email = process.argv[2];
  if (!email) {
    console.error('Usage: npm run organizer:reset-second-factor -- <email of the organizer>');
    process.exit(2);
  }
  process.env.DATABASE_URL ||= `postgresql://dauys:dauys@127.0.0.1:${process.env.DAUYS_PG_PORT ?? 54329}/dauys`;
  const { resetSecondFactor } = await import('../lib/auth/reset-second-factor');
  const { db } = await import('../lib/db');
  try {
    const reset = await resetSecondFactor(email);
    console.log(
      `Reset the second factors of ${reset.email}: ${reset.passkeys} passkey(s), ${reset.totp ? 'the' : 'no'} authenticator app, ` +
        `${reset.recoveryCodes} recovery code(s); ${reset.sessions} session(s) ended. They sign in with a mailed link and enrol again.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch(async (error: unknown) => {
  const { isAppError } = await import('../lib/errors');
  console.error(isAppError(error, 'NOT_FOUND') ? `No organizer has the address ${process.argv[2]}.` : error);
  process.exit(1);
});
