import { recordAudit } from '@/lib/audit';
import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { csvRow, csvStream, type CsvCell } from '@/lib/csv/csv-stream';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { getTranslator, type Translator } from '@/lib/i18n/translator';
import { openSealedImportFile } from '@/lib/imports/import-file';
import { keyring } from '@/lib/security/personal-data';

export function findImport(importId: string) {
  return db.import.findUnique({
    where: { id: importId },
    select: {
      id: true,
      target: true,
      petitionId: true,
      locale: true,
      fileName: true,
      headers: true,
      totalRows: true,
      settings: true,
      sourceLabel: true,
      consentBasis: true,
      status: true,
      processedRows: true,
      importedRows: true,
      mergedRows: true,
      refusedRows: true,
      failure: true,
      createdAt: true,
      finishedAt: true,
      // Refused rows still kept (retention deletes them, lib/retention/apply-retention.ts).
      _count: { select: { refused: true } },
    },
  });
}
export type ImportView = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/** The file for the preview (null once the run has cleared it). */
export async function openImportFile(importId: string): Promise<Uint8Array | null> {
  const row = await db.import.findUnique({ where: { id: importId }, select: { fileSealed: true } });
  if (!row?.fileSealed) return null;
  return openSealedImportFile(await keyring(), row.fileSealed);
}

export function listImports(where: { petitionId?: string } = {}) {
  return db.import.findMany({
    where: where.petitionId ? { petitionId: where.petitionId } : { target: 'SUPPORTERS' },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      fileName: true,
      sourceLabel: true,
      status: true,
      totalRows: true,
      importedRows: true,
      refusedRows: true,
      createdAt: true,
    },
  });
}

/** The imports that brought a supporter, with the consent each recorded (the supporter page's "imported from X"). */
export async function importsOfSupporter(supporterId: string) {
  const links = await db.importedSupporter.findMany({
    where: { supporterId },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true, import: { select: { id: true, sourceLabel: true, fileName: true } } },
  });
  const consents = await db.consent.findMany({
    where: { supporterId, action: { in: links.map((link) => `import:${link.import.id}`) } },
    select: { action: true, givenAt: true },
  });
  return links.map((link) => ({
    source: link.import.sourceLabel ?? link.import.fileName,
    importedAt: link.createdAt,
    consentGivenAt: consents.find((consent) => consent.action === `import:${link.import.id}`)?.givenAt ?? null,
  }));
}

const REFUSED_BATCH = 2_000;

/**
 * The rows an import refused, as CSV: the file's own columns, then the row number and the reasons in
 * the organizer's language. Personal data going out, so a fresh second factor and an audit entry.
 */
export async function refusedRowsCsv(actor: Actor, importId: string, locale: string): Promise<ReadableStream<Uint8Array>> {
  await assertFreshSecondFactor(actor);
  const found = await db.import.findUnique({ where: { id: importId }, select: { headers: true } });
  if (!found) throw new AppError('NOT_FOUND');
  await recordAudit({ actorId: actor.id, action: 'import.refused-download', subjectType: 'Import', subjectId: importId });
  const t = getTranslator(locale, 'campaigns');
  const header = csvRow([...found.headers, t('imports.refusedCsv.row'), t('imports.refusedCsv.reason')]);
  return csvStream(header, refusedRows(importId, found.headers.length, t));
}

async function* refusedRows(importId: string, width: number, t: Translator<'campaigns'>): AsyncGenerator<CsvCell[][]> {
  const keys = await keyring();
  let after = 0;
  for (;;) {
    const rows = await db.importRefusedRow.findMany({
      where: { importId, rowNumber: { gt: after } },
      orderBy: { rowNumber: 'asc' },
      take: REFUSED_BATCH,
    });
    if (rows.length === 0) return;
    after = rows.at(-1)!.rowNumber;
    yield rows.map((row) => {
      const cells = JSON.parse(keys.open('text', row.cellsSealed)) as string[];
      const padded = Array.from({ length: Math.max(width, cells.length) }, (_, index) => cells[index] ?? '');
      const reasons = row.reasons.map((reason) => {
        const key = `imports.problems.${reason}`;
        return hasMessage(t, key) ? t(key) : reason;
      });
      return [...padded, row.rowNumber, reasons.join('; ')];
    });
  }
}
