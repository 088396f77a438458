import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { isSealedCompressed, type Keyring } from '@/lib/security/keyring';

const gunzipAsync = promisify(gunzip);
/** How files were compressed before the keyring did it: gzipped, base64, behind this prefix, then sealed. */
const GZIP_PREFIX = 'gzip:';

/**
 * An uploaded file as the Import row keeps it: sealed compressed. CSV shrinks about sixfold, so the
 * sealed copy and the statement that stores it stay small: sealing a file as text needed about
 * four times its size in heap (docs/operations.md, "Memory").
 */
export function sealImportFile(keys: Keyring, bytes: Uint8Array): Promise<string> {
  return keys.sealCompressed('text', bytes);
}

/**
 * The file as UTF-8 bytes, which the CSV reader takes without decoding it whole (a string of it would
 * count against the process's heap twice over). A file may have been uploaded before an upgrade and
 * sealed the older ways: gzipped behind a prefix, or as text.
 */
export async function openSealedImportFile(keys: Keyring, sealed: string): Promise<Uint8Array> {
  if (isSealedCompressed(sealed)) return keys.openBytes('text', sealed);
  const opened = keys.open('text', sealed);
  if (!opened.startsWith(GZIP_PREFIX)) return Buffer.from(opened, 'utf8');
  return gunzipAsync(Buffer.from(opened.slice(GZIP_PREFIX.length), 'base64'));
}
