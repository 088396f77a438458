import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';
import { canonicalEmail } from '@/lib/security/canonical-email';

/*
 * Personal data at rest (docs/privacy.md). Values are sealed with AES-256-GCM under a data key;
 * the data keys are stored in the database only wrapped (AES-256-GCM) by the master key, which
 * lives outside it (DAUYS_MASTER_KEY, or .data/master-key written by `npm start`). A dump or a
 * backup therefore holds no readable address, name or comment, and rotating the master key means
 * re-wrapping two rows, not rewriting the data.
 *
 * A sealed value is `v1.<data key id>.<base64url of nonce, ciphertext, tag>`. The kind of value is
 * authenticated with it, so a sealed comment cannot be passed off as an address. A long value that
 * compresses well (a rendered mail, an uploaded file) is sealed as `v1z.…`: deflated first, since
 * ciphertext does not compress (PostgreSQL stored each mail job's 7 KB message as 9 KB, now 2 KB). Its
 * length then tells how well it compressed, so nothing short and guessable (an address, a name) is
 * sealed that way.
 */

export type SealedKind = 'email' | 'name' | 'place' | 'text' | 'network' | 'mail' | 'secret';

export class KeyringError extends Error {
  override name = 'KeyringError';
}

export type DataKeyRow = { id: number; purpose: 'SEAL' | 'BLIND_INDEX'; wrapped: Uint8Array };

/** Runs one SQL statement with $1… parameters and returns its rows (Prisma or a pg pool). */
export type KeyQuery = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

export type Keyring = {
  /** Short, non-secret name of the master key in use, for logs and error messages. */
  fingerprint: string;
  seal(kind: SealedKind, value: string): string;
  /** `seal` after deflating the value (off the main thread): for long, compressible values only (see above). */
  sealCompressed(kind: SealedKind, value: string | Uint8Array): Promise<string>;
  sealOptional(kind: SealedKind, value: string | null | undefined): string | null;
  /** Opens both forms; a compressed one is inflated on the main thread, so use `openBytes` for a file. */
  open(kind: SealedKind, sealed: string): string;
  /** The value's bytes, inflated off the main thread when it was sealed compressed. */
  openBytes(kind: SealedKind, sealed: string): Promise<Buffer>;
  openOptional(kind: SealedKind, sealed: string | null | undefined): string | null;
  /** The blind index of an address: who is the same person, without the address (keyed HMAC of its canonical form). */
  emailIndex(email: string): string;
};

const VERSION = 'v1';
const COMPRESSED_VERSION = 'v1z';
/** A compressed value opens to at most this much: a bound, not a size any value comes near. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const deflateRawAsync = promisify(deflateRaw);
const inflateRawAsync = promisify(inflateRaw);
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Whether a sealed value was compressed before it was sealed (`sealCompressed`). */
export function isSealedCompressed(sealed: string): boolean {
  return sealed.startsWith(`${COMPRESSED_VERSION}.`);
}

export function parseMasterKey(text: string, source = 'DAUYS_MASTER_KEY'): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new KeyringError(`${source} must be 32 random bytes, written as base64 or 64 hex digits (e.g. \`openssl rand -base64 32\`).`);
  }
  return key;
}

export function newMasterKey(): string {
  return randomBytes(32).toString('base64');
}

export function masterKeyFingerprint(masterKey: Buffer): string {
  return createHash('sha256').update('dauys.master-key.fingerprint').update(masterKey).digest('hex').slice(0, 12);
}

/** Random nonces are drawn from a pool filled 16 KiB at a time: one call to the CSPRNG per 1,365 seals. */
const noncePool = { bytes: Buffer.alloc(0), used: 0 };
function nextNonce(): Buffer {
  if (noncePool.used + NONCE_BYTES > noncePool.bytes.length) {
    noncePool.bytes = randomBytes(16 * 1024);
    noncePool.used = 0;
  }
  noncePool.used += NONCE_BYTES;
  return noncePool.bytes.subarray(noncePool.used - NONCE_BYTES, noncePool.used);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = nextNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Throws when the key is wrong or the bytes were changed: never returns garbage. */
function decrypt(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new KeyringError('A sealed value is truncated.');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

const wrappingContext = (row: Pick<DataKeyRow, 'id' | 'purpose'>) => `dauys.data-key.${row.id}.${row.purpose}`;

export function wrapDataKey(masterKey: Buffer, row: Pick<DataKeyRow, 'id' | 'purpose'>, dataKey: Buffer): Buffer {
  return encrypt(masterKey, dataKey, wrappingContext(row));
}

export function unwrapDataKey(masterKey: Buffer, row: DataKeyRow): Buffer {
  try {
    return decrypt(masterKey, Buffer.from(row.wrapped), wrappingContext(row));
  } catch {
    throw new KeyringError(
      `The master key (fingerprint ${masterKeyFingerprint(masterKey)}) does not open data key ${row.id} of this database. ` +
        'DAUYS_MASTER_KEY (or .data/master-key) is wrong, or belongs to another database. Start with the key this ' +
        'database was created or last rotated with; without it the personal data in this database cannot be read.',
    );
  }
}

export function keyringFrom(masterKey: Buffer, rows: DataKeyRow[]): Keyring {
  const sealKeys = new Map<number, Buffer>();
  let indexKey: Buffer | undefined;
  for (const row of rows) {
    const key = unwrapDataKey(masterKey, row);
    if (row.purpose === 'SEAL') sealKeys.set(row.id, key);
    else indexKey = key;
  }
  const sealKeyId = Math.max(...sealKeys.keys());
  const sealKey = sealKeys.get(sealKeyId);
  if (!sealKey || !indexKey) throw new KeyringError('This database has no data keys yet.');

  // The compressed form is authenticated as such: relabelling `v1z` as `v1` (or back) does not open.
  const compressedAad = (kind: SealedKind) => `${kind}.deflate`;
  const seal = (kind: SealedKind, value: string) =>
    `${VERSION}.${sealKeyId}.${encrypt(sealKey, Buffer.from(value, 'utf8'), kind).toString('base64url')}`;
  const sealCompressed = async (kind: SealedKind, value: string | Uint8Array) =>
    `${COMPRESSED_VERSION}.${sealKeyId}.${encrypt(sealKey, await deflateRawAsync(value), compressedAad(kind)).toString('base64url')}`;
  /** The plaintext as sealed (still deflated when `compressed`). */
  const decryptSealed = (kind: SealedKind, sealed: string): { plain: Buffer; compressed: boolean } => {
    const [version, keyId, body] = sealed.split('.');
    const key = sealKeys.get(Number(keyId));
    const compressed = version === COMPRESSED_VERSION;
    if ((version !== VERSION && !compressed) || !key || body === undefined) {
      throw new KeyringError(`A ${kind} value is not sealed by this keyring.`);
    }
    try {
      return { plain: decrypt(key, Buffer.from(body, 'base64url'), compressed ? compressedAad(kind) : kind), compressed };
    } catch {
      throw new KeyringError(`A sealed ${kind} value does not open: it was changed, or sealed as another kind.`);
    }
  };
  const open = (kind: SealedKind, sealed: string) => {
    const { plain, compressed } = decryptSealed(kind, sealed);
    return (compressed ? inflateRawSync(plain, { maxOutputLength: MAX_INFLATED_BYTES }) : plain).toString('utf8');
  };
  const openBytes = async (kind: SealedKind, sealed: string) => {
    const { plain, compressed } = decryptSealed(kind, sealed);
    return compressed ? inflateRawAsync(plain, { maxOutputLength: MAX_INFLATED_BYTES }) : plain;
  };
  return {
    fingerprint: masterKeyFingerprint(masterKey),
    seal,
    sealCompressed,
    sealOptional: (kind, value) => (value === null || value === undefined ? null : seal(kind, value)),
    open,
    openBytes,
    openOptional: (kind, sealed) => (sealed === null || sealed === undefined ? null : open(kind, sealed)),
    emailIndex: (email) => createHmac('sha256', indexKey).update(canonicalEmail(email)).digest('base64url'),
  };
}

/**
 * The keyring of the database behind `query`: its data keys, made and wrapped on first use. Two
 * processes starting at once both insert; the first insert wins and both read the same rows.
 */
export async function loadKeyringWith(query: KeyQuery, masterKey: Buffer): Promise<Keyring> {
  const fresh = [
    { id: 1, purpose: 'SEAL' as const },
    { id: 2, purpose: 'BLIND_INDEX' as const },
  ].map((row) => ({ ...row, wrapped: wrapDataKey(masterKey, row, randomBytes(32)) }));
  await query(
    `INSERT INTO "DataKey" (id, purpose, wrapped) SELECT * FROM unnest($1::int[], $2::"DataKeyPurpose"[], $3::bytea[])
     WHERE NOT EXISTS (SELECT 1 FROM "DataKey") ON CONFLICT (id) DO NOTHING`,
    [fresh.map((row) => row.id), fresh.map((row) => row.purpose), fresh.map((row) => row.wrapped)],
  );
  const rows = await query<DataKeyRow>(`SELECT id, purpose::text AS purpose, wrapped FROM "DataKey" ORDER BY id`, []);
  return keyringFrom(masterKey, rows);
}
