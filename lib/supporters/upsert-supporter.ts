import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Locale, Region } from '@/lib/generated/prisma/enums';
import { keyring } from '@/lib/security/personal-data';

type NewSupporter = { email: string; locale: Locale; name?: string | null; region?: Region | null };

/**
 * The person behind an address, added if new: found by the blind index of the address (so
 * `Dana.S+x@gmail.com` is `danas@gmail.com`), stored sealed. An existing person is left as they are.
 */
export async function upsertSupporterByEmail(
  person: NewSupporter,
  tx: Pick<Prisma.TransactionClient, 'supporter'> = db,
): Promise<{ id: string }> {
  const keys = await keyring();
  return tx.supporter.upsert({
    where: { emailIndex: keys.emailIndex(person.email) },
    create: {
      emailIndex: keys.emailIndex(person.email),
      emailSealed: keys.seal('email', person.email),
      nameSealed: keys.sealOptional('name', person.name),
      locale: person.locale,
      region: person.region ?? null,
    },
    update: {},
    select: { id: true },
  });
}
