import { Prisma } from '@/lib/generated/prisma/client';
import { keyring } from '@/lib/security/personal-data';

/*
 * What "anonymised" means, in one place, for retention (lib/retention/apply-retention.ts) and
 * erasure (lib/supporters/erase-supporter.ts) alike. A row keeps what the figures count (status,
 * region, guests, the petition or event, createdAt, confirmedAt, attendedAt: lib/petitions/figures.ts,
 * lib/events/figures.ts) and loses everything that names, reaches or links to a person: address,
 * name, city, comment, client address, token, and the supporter it belonged to.
 */

type SqlClient = Pick<Prisma.TransactionClient, '$executeRaw'>;

/** Shown where an anonymised row had a person's name. */
export const ANONYMISED_NAME = '—';

/** Anonymised rows' addresses end in this reserved domain (RFC 2606): nothing is ever mailed there. */
export const ANONYMISED_DOMAIN = 'anonymised.invalid';

/** An outbox row's address once its content is gone. */
export const REDACTED_ADDRESS = `removed@${ANONYMISED_DOMAIN}`;

/** Rows per UPDATE, so a large petition never holds its rows locked for long. */
const BATCH = 5_000;

/** A blind index unique per row (signatures and RSVPs are unique per person) that is nobody's. */
const placeholderIndex = (idColumn: Prisma.Sql) => Prisma.sql`'anonymised:' || ${idColumn}::text`;

/** The sealed placeholders: sealed like any address and name, so every reader opens them as usual. */
async function sealedPlaceholders() {
  const keys = await keyring();
  return { email: keys.seal('email', `anonymised@${ANONYMISED_DOMAIN}`), name: keys.seal('name', ANONYMISED_NAME) };
}

async function inBatches(update: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await update();
    total += count;
    if (count < BATCH) return total;
  }
}

/** Anonymises the signatures `where` selects (a condition over `s`, "Signature"); returns how many. */
export async function anonymiseSignatures(client: SqlClient, where: Prisma.Sql, now: Date): Promise<number> {
  const placeholder = await sealedPlaceholders();
  return inBatches(
    () => client.$executeRaw`
      UPDATE "Signature" SET "emailIndex" = ${placeholderIndex(Prisma.sql`id`)}, "emailSealed" = ${placeholder.email},
             "fullNameSealed" = ${placeholder.name}, "citySealed" = NULL, "commentSealed" = NULL, "supporterId" = NULL,
             "isPublic" = false, "wantsUpdates" = false, "tokenHash" = NULL, "mailPending" = false, "ipHash" = NULL,
             "ipPrefixSealed" = NULL, "anonymisedAt" = ${now}
       WHERE id IN (SELECT s.id FROM "Signature" s WHERE s."anonymisedAt" IS NULL AND (${where}) LIMIT ${BATCH})`,
  );
}

/** Anonymises the RSVPs `where` selects (a condition over `r`, "Rsvp"); returns how many. */
export async function anonymiseRsvps(client: SqlClient, where: Prisma.Sql, now: Date): Promise<number> {
  const placeholder = await sealedPlaceholders();
  return inBatches(
    () => client.$executeRaw`
      UPDATE "Rsvp" SET "emailIndex" = ${placeholderIndex(Prisma.sql`id`)}, "emailSealed" = ${placeholder.email},
             "nameSealed" = ${placeholder.name}, "supporterId" = NULL,
             "mailPending" = NULL, "anonymisedAt" = ${now}
       WHERE id IN (SELECT r.id FROM "Rsvp" r WHERE r."anonymisedAt" IS NULL AND (${where}) LIMIT ${BATCH})`,
  );
}

/**
 * Clears the client address hash and prefix of the signatures `where` selects (over `s`); the
 * abuse figures only read the last hour's.
 */
export function clearSignatureAddresses(client: SqlClient, where: Prisma.Sql): Promise<number> {
  return inBatches(
    () => client.$executeRaw`
      UPDATE "Signature" SET "ipHash" = NULL, "ipPrefixSealed" = NULL
       WHERE id IN (SELECT s.id FROM "Signature" s
                     WHERE (s."ipHash" IS NOT NULL OR s."ipPrefixSealed" IS NOT NULL) AND (${where}) LIMIT ${BATCH})`,
  );
}

/**
 * Keeps of the outbox rows `where` selects (over `m`, "OutboundMail") only the delivery record
 * (template, language, status, attempts, times): the address, the subject, the stored template
 * props, the server's last answer (which may quote the address) and the supporter link go.
 */
export async function redactOutboundMail(client: SqlClient, where: Prisma.Sql, now: Date): Promise<number> {
  const redactedAddress = (await keyring()).seal('email', REDACTED_ADDRESS);
  return inBatches(
    () => client.$executeRaw`
      UPDATE "OutboundMail" SET "toAddressSealed" = ${redactedAddress}, subject = ${ANONYMISED_NAME}, "payloadSealed" = NULL,
             "lastError" = NULL, "supporterId" = NULL, "redactedAt" = ${now}
       WHERE id IN (SELECT m.id FROM "OutboundMail" m WHERE m."redactedAt" IS NULL AND (${where}) LIMIT ${BATCH})`,
  );
}

/**
 * The consents given by signing a petition name it (`petition:<id>`); once its signatures are
 * anonymised they keep only that they were given by signing a petition.
 */
export async function unlinkPetitionConsents(client: SqlClient, petitionIds: string[]): Promise<number> {
  if (petitionIds.length === 0) return 0;
  const actions = petitionIds.map((id) => `petition:${id}`);
  return client.$executeRaw`UPDATE "Consent" SET action = 'petition' WHERE action = ANY(${actions}::text[])`;
}
