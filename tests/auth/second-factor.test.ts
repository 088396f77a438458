import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { readOrganizerSession } from '@/lib/auth/organizer-session';
import { passkeyAuthenticationOptions, verifyPasskey } from '@/lib/auth/passkeys';
import { replaceRecoveryCodes, redeemRecoveryCode } from '@/lib/auth/recovery-codes';
import { resetSecondFactor } from '@/lib/auth/reset-second-factor';
import { saveSecuritySettings } from '@/lib/auth/security-settings';
import { assertFreshSecondFactor } from '@/lib/auth/step-up';
import { confirmTotpEnrolment, startTotpEnrolment, verifyTotp } from '@/lib/auth/totp';
import { db } from '@/lib/db';
import { actorFor } from '@/tests/support/actor';

const ROOT = path.resolve(__dirname, '../..');
const BROWSER = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', addressPrefix: '203.0.113.0/24' };

afterAll(() => db.$disconnect());

async function organizer(role: 'ADMIN' | 'ORGANIZER' = 'ORGANIZER') {
  return db.user.create({ data: { email: `organizer-${randomUUID()}@example.org`, role } });
}

async function sessionToken(sessionId: string) {
  return (await db.session.findUniqueOrThrow({ where: { id: sessionId } })).sessionToken;
}

/** What the organizer's app shows at `at`, from the secret the enrolment page showed. */
function appCode(secret: string, at: Date) {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

describe('authenticator app (TOTP)', () => {
  it('enrols with a first code, gates the next sign-in, and takes each code once', async () => {
    const user = await organizer();
    const enrolling = await actorFor(user, { minutesAgo: null });
    const { secret, uri, qrSvg } = await startTotpEnrolment(enrolling);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Dauys:.+\?.*secret=/);
    expect(qrSvg).toContain('<svg');
    // Sealed at rest: the database does not hold the secret a dump could use.
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecretSealed).not.toContain(secret);
    expect(stored.totpConfirmedAt).toBeNull();

    const t0 = new Date('2031-03-01T08:00:00Z');
    await expect(confirmTotpEnrolment(enrolling, '000000', t0)).rejects.toMatchObject({ messageKey: 'totpCodeWrong', field: 'code' });
    await confirmTotpEnrolment(enrolling, appCode(secret, t0), t0);
    expect((await db.session.findUniqueOrThrow({ where: { id: enrolling.sessionId } })).secondFactorAt).toEqual(t0);

    // The next sign-in (a mailed link makes a session that passed no factor) reaches only the check.
    const next = await actorFor(user, { minutesAgo: null });
    expect(await readOrganizerSession(await sessionToken(next.sessionId), BROWSER)).toMatchObject({
      gate: 'verify',
      hasSecondFactor: true,
    });
    // The code used to enrol is spent; the app's next code opens the session, once.
    await expect(verifyTotp(next, appCode(secret, t0), t0)).rejects.toMatchObject({ messageKey: 'totpCodeWrong' });
    const t1 = new Date(t0.getTime() + 30_000);
    await verifyTotp(next, appCode(secret, t1), t1);
    await expect(verifyTotp(next, appCode(secret, t1), t1)).rejects.toMatchObject({ messageKey: 'totpCodeWrong' });
    expect(await readOrganizerSession(await sessionToken(next.sessionId), BROWSER)).toMatchObject({ gate: 'open' });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: 'auth.second-factor' } })).toBe(1);
  });

  it('refuses more than 10 codes in 15 minutes, even a right one', async () => {
    const user = await organizer();
    const actor = await actorFor(user, { minutesAgo: null });
    const { secret } = await startTotpEnrolment(actor);
    const t0 = new Date('2031-03-02T08:00:00Z');
    await confirmTotpEnrolment(actor, appCode(secret, t0), t0);
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await expect(verifyTotp(actor, '123456', t0)).rejects.toMatchObject({ code: 'INVALID' });
    }
    const t1 = new Date(t0.getTime() + 30_000);
    await expect(verifyTotp(actor, appCode(secret, t1), t1)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('recovery codes', () => {
  it('are made only with a fresh factor, stored hashed, and each works once', async () => {
    const user = await organizer();
    await expect(replaceRecoveryCodes(await actorFor(user, { minutesAgo: 11 }))).rejects.toMatchObject({ messageKey: 'stepUpRequired' });
    const codes = await replaceRecoveryCodes(await actorFor(user));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replaceAll('-', ''));

    const signingIn = await actorFor(user, { minutesAgo: null });
    await redeemRecoveryCode(signingIn, codes[0]!.toUpperCase().replaceAll('-', ' '));
    expect((await db.session.findUniqueOrThrow({ where: { id: signingIn.sessionId } })).secondFactorAt).not.toBeNull();
    await expect(redeemRecoveryCode(await actorFor(user, { minutesAgo: null }), codes[0]!)).rejects.toMatchObject({
      messageKey: 'recoveryCodeWrong',
    });

    // A new set replaces the old one.
    await replaceRecoveryCodes(await actorFor(user));
    await expect(redeemRecoveryCode(await actorFor(user, { minutesAgo: null }), codes[1]!)).rejects.toMatchObject({
      messageKey: 'recoveryCodeWrong',
    });
  });
});

describe('step-up', () => {
  it('allows a dangerous act within 10 minutes of a second factor in the same session, and nothing else', async () => {
    const user = await organizer();
    await expect(assertFreshSecondFactor(await actorFor(user, { minutesAgo: 9 }))).resolves.toBeUndefined();
    await expect(assertFreshSecondFactor(await actorFor(user, { minutesAgo: 11 }))).rejects.toMatchObject({ messageKey: 'stepUpRequired' });
    await expect(assertFreshSecondFactor(await actorFor(user, { minutesAgo: null }))).rejects.toMatchObject({
      messageKey: 'stepUpRequired',
    });
    // Someone else's fresh session does not count for this organizer.
    const other = await actorFor(await organizer());
    await expect(assertFreshSecondFactor({ id: user.id, sessionId: other.sessionId })).rejects.toMatchObject({
      messageKey: 'stepUpRequired',
    });
  });
});

describe('sessions', () => {
  it('an organizer without a factor is led to enrol while a factor is required, and reaches the console when it is not', async () => {
    const user = await organizer();
    const actor = await actorFor(user, { minutesAgo: null });
    // The test deployment has no mail catcher: the default is "required".
    expect(await readOrganizerSession(await sessionToken(actor.sessionId), BROWSER)).toMatchObject({
      gate: 'enrol',
      hasSecondFactor: false,
    });
    const admin = await actorFor(await organizer('ADMIN'));
    await saveSecuritySettings({ requireSecondFactor: false, sessionLifetimeHours: 12, sessionIdleMinutes: 60 }, admin);
    expect(await readOrganizerSession(await sessionToken(actor.sessionId), BROWSER)).toMatchObject({ gate: 'open' });
    await saveSecuritySettings({ requireSecondFactor: true, sessionLifetimeHours: 12, sessionIdleMinutes: 60 }, admin);
    await expect(
      saveSecuritySettings({ requireSecondFactor: false, sessionLifetimeHours: 12, sessionIdleMinutes: 60 }, await actorFor(user)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('end after the idle time and after their lifetime, and record the device once', async () => {
    const user = await organizer();
    const now = new Date();
    const idle = await actorFor(user);
    await db.session.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(now.getTime() - 61 * 60_000) } });
    const idleToken = await sessionToken(idle.sessionId);
    expect(await readOrganizerSession(idleToken, BROWSER, now)).toBeNull();
    expect(await db.session.count({ where: { id: idle.sessionId } })).toBe(0);

    const old = await actorFor(user);
    await db.session.update({
      where: { id: old.sessionId },
      data: { createdAt: new Date(now.getTime() - 13 * 3_600_000), lastSeenAt: now },
    });
    expect(await readOrganizerSession(await sessionToken(old.sessionId), BROWSER, now)).toBeNull();

    const active = await actorFor(user);
    expect(await readOrganizerSession(await sessionToken(active.sessionId), BROWSER, now)).not.toBeNull();
    await readOrganizerSession(await sessionToken(active.sessionId), { userAgent: 'other', addressPrefix: '198.51.100.0/24' }, now);
    expect(await db.session.findUniqueOrThrow({ where: { id: active.sessionId } })).toMatchObject(BROWSER);
  });
});

describe('passkeys', () => {
  it('refuse a forged answer, and a ceremony without its challenge, with a clear error', async () => {
    const user = await organizer();
    const actor = await actorFor(user, { minutesAgo: null });
    await expect(passkeyAuthenticationOptions(actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db.passkey.create({ data: { userId: user.id, credentialId: 'AAAA', publicKey: Buffer.from([1, 2, 3]), name: 'Laptop' } });
    const options = await passkeyAuthenticationOptions(actor);
    expect(options.allowCredentials).toEqual([{ id: 'AAAA', type: 'public-key', transports: [] }]);
    await expect(verifyPasskey(actor, { nonsense: true })).rejects.toMatchObject({ code: 'INVALID', messageKey: 'passkeyFailed' });
    // The challenge went with the first answer: a second one finds none.
    const forged = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: '', signature: '' },
    };
    await expect(verifyPasskey(actor, forged)).rejects.toMatchObject({ messageKey: 'passkeyFailed' });
    await passkeyAuthenticationOptions(actor);
    await expect(verifyPasskey(actor, forged)).rejects.toMatchObject({ messageKey: 'passkeyFailed' });
    expect((await db.session.findUniqueOrThrow({ where: { id: actor.sessionId } })).secondFactorAt).toBeNull();
  });
});

describe('an organizer who lost every factor', () => {
  function runReset(email: string): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/reset-second-factor.ts', email], {
        cwd: ROOT,
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => resolve({ code, output }));
    });
  }

  it('is reset by the server command: factors and sessions go, the audit log says so, and they are led to enrol again', async () => {
    const user = await organizer();
    const actor = await actorFor(user);
    const { secret } = await startTotpEnrolment(actor);
    const t0 = new Date('2031-03-03T08:00:00Z');
    await confirmTotpEnrolment(actor, appCode(secret, t0), t0);
    await replaceRecoveryCodes(await actorFor(user));
    await db.passkey.create({ data: { userId: user.id, credentialId: `cred-${user.id}`, publicKey: Buffer.from([1]), name: 'Phone' } });

    const unknown = await runReset('nobody-here@example.org');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('No organizer has the address nobody-here@example.org');

    const reset = await runReset(user.email.toUpperCase());
    expect(reset.output).toMatch(
      /Reset the second factors of .+: 1 passkey\(s\), the authenticator app, 10 recovery code\(s\); 2 session\(s\) ended/,
    );
    expect(reset.code).toBe(0);
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ totpSecretSealed: null, totpConfirmedAt: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'security.second-factor.reset', subjectId: user.id } });
    expect(audit.actorId).toBeNull();

    const next = await actorFor(user, { minutesAgo: null });
    expect(await readOrganizerSession(await sessionToken(next.sessionId), BROWSER)).toMatchObject({ gate: 'enrol' });
    await expect(resetSecondFactor('nobody-here@example.org')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
