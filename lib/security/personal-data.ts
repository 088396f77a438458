import { db } from '@/lib/db';
import { requireMasterKey } from '@/lib/env';
import { loadKeyringWith, type Keyring } from '@/lib/security/keyring';

export type { Keyring, SealedKind } from '@/lib/security/keyring';

let loading: Promise<Keyring> | undefined;

/** A person as every capability stores them: the blind index of the address, the address and the name sealed. */
export type SealedPerson = { emailIndex: string; emailSealed: string; nameSealed: string };

/** Sealed as kinds 'email' and 'name', so one ciphertext serves the Supporter row and the signature or RSVP. */
export function sealPerson(keys: Keyring, person: { email: string; name: string }): SealedPerson {
  return {
    emailIndex: keys.emailIndex(person.email),
    emailSealed: keys.seal('email', person.email),
    nameSealed: keys.seal('name', person.name),
  };
}

/** This process's keyring, loaded once (again after a failure, e.g. while the database was down). */
export function keyring(): Promise<Keyring> {
  loading ??= loadKeyringWith((sql, params) => db.$queryRawUnsafe(sql, ...params), requireMasterKey()).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** For the benchmark that measures what sealing costs (scripts/bench/seal-cost.ts): this process uses `replacement` from now on. */
export function replaceKeyringForBenchmark(replacement: Keyring): void {
  loading = Promise.resolve(replacement);
}
