import { randomUUID } from 'node:crypto';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { checkedRows, type CheckedFileRow } from '@/lib/imports/checked-rows';
import { openSealedImportFile } from '@/lib/imports/import-file';
import { ImportSettingsSchema } from '@/lib/imports/schemas';
import { addToCount, forgetPublicCount } from '@/lib/petitions/count';
import { keyring, type Keyring } from '@/lib/security/personal-data';

/** Rows written per transaction: sealed in memory, then one multi-row statement per table. */
export const IMPORT_BATCH_ROWS = 5_000;

/** The purpose campaign audiences require (lib/campaigns/audience): consent to campaign updates. */
export const CAMPAIGN_CONSENT_PURPOSE = 'updates';

type ImportRow = Prisma.ImportGetPayload<object>;
type Tx = Prisma.TransactionClient;
type BatchCounts = { imported: number; merged: number };

/**
 * Runs an import to its end: the rows that pass go in (supporters, or a petition's offline
 * signatures), the others are kept with their reasons, progress is written after every batch, and
 * the file is cleared when it is done. Safe to run again after a crash: the rows already counted
 * are skipped and every write merges (ON CONFLICT) instead of adding twice.
 */
export async function runImport(importId: string, now = new Date()): Promise<ImportRow | null> {
  const claimed = await db.import.updateManyAndReturn({
    where: { id: importId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'RUNNING', startedAt: now },
  });
  const run = claimed[0];
  if (!run) return null;
  const keys = await keyring();
  const settings = ImportSettingsSchema.parse(run.settings);
  const file = run.fileSealed ? await openSealedImportFile(keys, run.fileSealed) : '';

  // One batch is written while the next is read and checked: PostgreSQL and this process work at once.
  // Batches still commit one after another, in order, so processedRows always says where to resume.
  let batch: CheckedFileRow[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rows = batch;
    batch = [];
    await writing;
    writing = db.$transaction(async (tx) => writeBatch(tx, run, rows, keys, now), { timeout: 120_000, maxWait: 30_000 });
    writing.catch(() => {}); // awaited at the next flush or at the end, which throw it
  };
  for await (const row of checkedRows(file, settings, keys, now)) {
    // Rows 2…processedRows+1 went in before a crash; the checker still saw them, for duplicates.
    if (row.rowNumber - 1 <= run.processedRows) continue;
    batch.push(row);
    if (batch.length >= IMPORT_BATCH_ROWS) await flush();
  }
  if (batch.length > 0) await flush();
  await writing;

  const done = await db.import.update({
    where: { id: importId },
    data: { status: 'DONE', finishedAt: new Date(), fileSealed: null, failure: null },
  });
  if (run.target === 'SIGNATURES' && run.petitionId) forgetPublicCount(run.petitionId);
  await recordAudit({
    actorId: null,
    action: 'import.finish',
    subjectType: 'Import',
    subjectId: importId,
    details: { imported: done.importedRows, merged: done.mergedRows, refused: done.refusedRows },
  });
  return done;
}

async function writeBatch(tx: Tx, run: ImportRow, rows: CheckedFileRow[], keys: Keyring, now: Date): Promise<void> {
  const good = rows.filter((row) => row.problems.length === 0);
  const refused = rows.filter((row) => row.problems.length > 0);
  const withEmail = good.filter((row): row is CheckedFileRow & { emailIndex: string } => row.emailIndex !== null);

  const supporters = await upsertSupporters(tx, run, withEmail, keys, now);
  const counts: BatchCounts = run.target === 'SUPPORTERS' ? supporters : await insertOfflineSignatures(tx, run, good, keys, now);

  if (refused.length > 0) {
    await tx.importRefusedRow.createMany({
      data: refused.map((row) => ({
        importId: run.id,
        rowNumber: row.rowNumber,
        reasons: row.problems,
        cellsSealed: keys.seal('text', JSON.stringify(row.cells)),
      })),
      skipDuplicates: true,
    });
  }
  await tx.import.update({
    where: { id: run.id },
    data: {
      processedRows: { increment: rows.length },
      importedRows: { increment: counts.imported },
      mergedRows: { increment: counts.merged },
      refusedRows: { increment: refused.length },
    },
  });
}

/**
 * Adds the batch's people, or merges them with the supporter who has the same address: what the
 * existing row lacks (name, region, city) is filled in, nothing it has is replaced. With them, in the
 * same statement: their tags, the link to this import, and consent where the file records it and the
 * person has never given or withdrawn consent here (an import never overrides someone's own choice).
 */
async function upsertSupporters(
  tx: Tx,
  run: ImportRow,
  rows: Array<CheckedFileRow & { emailIndex: string }>,
  keys: Keyring,
  now: Date,
): Promise<BatchCounts> {
  if (rows.length === 0) return { imported: 0, merged: 0 };
  const tagIds = await tagIdsFor(tx, [...new Set(rows.flatMap((row) => row.person.tags))], now);
  const tagged = rows.flatMap((row) => row.person.tags.map((tag) => ({ emailIndex: row.emailIndex, tagId: tagIds.get(tag)! })));
  const consentAt = rows.map((row) => (run.target === 'SUPPORTERS' ? row.person.consentGivenAt : null));
  const [counts] = await tx.$queryRaw<Array<{ imported: number; total: number }>>`
    WITH input AS (
      SELECT * FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((row) => row.emailIndex)}::text[],
                           ${rows.map((row) => keys.seal('email', row.person.email!))}::text[],
                           ${rows.map((row) => keys.sealOptional('name', row.person.name))}::text[],
                           ${rows.map((row) => row.person.locale)}::text[], ${rows.map((row) => row.person.region)}::text[],
                           ${rows.map((row) => keys.sealOptional('place', row.person.city))}::text[], ${consentAt}::timestamp[])
               AS input(id, "emailIndex", "emailSealed", "nameSealed", locale, region, "citySealed", "consentAt")
    ), upserted AS (
      INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", "nameSealed", locale, region, "citySealed", "createdAt", "updatedAt")
      SELECT id, "emailIndex", "emailSealed", "nameSealed", locale::"Locale", region::"Region", "citySealed", ${now}, ${now} FROM input
      ON CONFLICT ("emailIndex") DO UPDATE SET
        "nameSealed" = COALESCE("Supporter"."nameSealed", EXCLUDED."nameSealed"),
        region = COALESCE("Supporter".region, EXCLUDED.region),
        "citySealed" = COALESCE("Supporter"."citySealed", EXCLUDED."citySealed"),
        "updatedAt" = ${now}
      RETURNING id, "emailIndex", (xmax = 0) AS inserted
    ), linked AS (
      INSERT INTO "ImportedSupporter" ("importId", "supporterId", "createdAt")
      SELECT ${run.id}, id, ${now} FROM upserted
      ON CONFLICT DO NOTHING
    ), tagged AS (
      INSERT INTO "SupporterTag" ("supporterId", "tagId", "createdAt")
      SELECT upserted.id, pair."tagId", ${now}
        FROM unnest(${tagged.map((pair) => pair.emailIndex)}::text[], ${tagged.map((pair) => pair.tagId)}::text[]) AS pair("emailIndex", "tagId")
        JOIN upserted USING ("emailIndex")
      ON CONFLICT DO NOTHING
    ), consented AS (
      INSERT INTO "Consent" (id, "supporterId", purpose, "textVersion", action, "givenAt")
      SELECT gen_random_uuid()::text, upserted.id, ${CAMPAIGN_CONSENT_PURPOSE}, 'import', ${`import:${run.id}`}, input."consentAt"
        FROM upserted JOIN input USING ("emailIndex")
       WHERE input."consentAt" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "Consent" c WHERE c."supporterId" = upserted.id AND c.purpose = ${CAMPAIGN_CONSENT_PURPOSE})
    )
    SELECT (count(*) FILTER (WHERE inserted))::int AS imported, count(*)::int AS total FROM upserted`;
  return { imported: counts!.imported, merged: counts!.total - counts!.imported };
}

async function tagIdsFor(tx: Tx, names: string[], now: Date): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  await tx.$executeRaw`
    INSERT INTO "Tag" (id, name, "createdAt")
    SELECT gen_random_uuid()::text, name, ${now} FROM unnest(${names}::text[]) AS name
    ON CONFLICT (name) DO NOTHING`;
  const tags = await tx.tag.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  return new Map(tags.map((tag) => [tag.name, tag.id]));
}

/**
 * The batch as confirmed OFFLINE signatures of the petition, counted at once. One per (petition,
 * address): a signer already there (online or from an earlier sheet) stays as they are and counts
 * once. A row without an address cannot be matched; it gets an index of its own.
 */
async function insertOfflineSignatures(tx: Tx, run: ImportRow, rows: CheckedFileRow[], keys: Keyring, now: Date): Promise<BatchCounts> {
  if (rows.length === 0 || !run.petitionId) return { imported: 0, merged: 0 };
  const inserted = await tx.$executeRaw`
    INSERT INTO "Signature" ("petitionId", "supporterId", "emailIndex", "emailSealed", "fullNameSealed", region, "citySealed", locale,
                             status, "consentVersion", "mailPending", "createdAt", "confirmedAt", channel, "offlineSource", "importId")
    SELECT ${run.petitionId}, s.id, input."emailIndex", input."emailSealed", input."nameSealed", input.region::"Region", input."citySealed",
           input.locale::"Locale", 'CONFIRMED', 'offline', false, ${now}, ${now}, 'OFFLINE', ${run.sourceLabel}, ${run.id}
      FROM unnest(${rows.map((row) => row.emailIndex ?? `offline:${run.id}:${row.rowNumber}`)}::text[],
                  ${rows.map((row) => keys.seal('email', row.person.email ?? ''))}::text[],
                  ${rows.map((row) => keys.seal('name', row.person.name ?? ''))}::text[],
                  ${rows.map((row) => row.person.region)}::text[], ${rows.map((row) => keys.sealOptional('place', row.person.city))}::text[],
                  ${rows.map((row) => row.person.locale)}::text[])
           AS input("emailIndex", "emailSealed", "nameSealed", region, "citySealed", locale)
      LEFT JOIN "Supporter" s ON s."emailIndex" = input."emailIndex"
    ON CONFLICT ("petitionId", "emailIndex") DO NOTHING`;
  if (inserted > 0) await addToCount(tx, run.petitionId, inserted);
  return { imported: inserted, merged: rows.length - inserted };
}
