import { createHash, randomBytes } from 'node:crypto';

/** A fresh token for a mailed link; only its hash is stored, so a database leak confirms nothing. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
