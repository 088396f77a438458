import { recordAudit } from '@/lib/audit';
import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/generated/prisma/enums';
import { isUtf8 } from 'node:buffer';
import { sealImportFile } from '@/lib/imports/import-file';
import { describeCsv } from '@/lib/imports/read-csv';
import { ImportSettingsSchema, ImportUploadSchema, MAX_IMPORT_BYTES, type ImportSettingsInput } from '@/lib/imports/schemas';
import { enqueue } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';

export type UploadedFile = { name: string; bytes: Uint8Array };

/**
 * Keeps an uploaded CSV (sealed: it holds personal data) with its header and row count, for the
 * mapping page. Bringing personal data in needs a fresh second factor, as taking it out does.
 */
export async function uploadImport(
  actor: Actor,
  input: { target: string; petitionId?: string; locale: Locale },
  file: UploadedFile | null,
): Promise<{ id: string }> {
  const { target, petitionId } = ImportUploadSchema.parse(input);
  await assertFreshSecondFactor(actor);
  if (!file || file.bytes.byteLength === 0) throw new AppError('INVALID', { field: 'file', messageKey: 'fileMissing' });
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError('INVALID', { field: 'file', messageKey: 'fileTooLarge' });
  // Checked and parsed as bytes: Cyrillic text decoded to one string takes twice its size in heap.
  if (!isUtf8(file.bytes)) throw new AppError('INVALID', { field: 'file', messageKey: 'fileNotUtf8' });
  if (target === 'SIGNATURES' && !(petitionId && (await db.petition.findUnique({ where: { id: petitionId }, select: { id: true } })))) {
    throw new AppError('NOT_FOUND');
  }
  let described: Awaited<ReturnType<typeof describeCsv>>;
  try {
    described = await describeCsv(file.bytes);
  } catch {
    throw new AppError('INVALID', { field: 'file', messageKey: 'fileNotCsv' });
  }
  if (described.headers.length === 0 || described.totalRows === 0)
    throw new AppError('INVALID', { field: 'file', messageKey: 'fileEmpty' });
  const keys = await keyring();
  const created = await db.import.create({
    data: {
      target,
      petitionId: target === 'SIGNATURES' ? petitionId : null,
      createdById: actor.id,
      locale: input.locale,
      fileName: file.name.slice(0, 200),
      fileSealed: await sealImportFile(keys, file.bytes),
      headers: described.headers,
      totalRows: described.totalRows,
    },
    select: { id: true },
  });
  await recordAudit({
    actorId: actor.id,
    action: 'import.upload',
    subjectType: 'Import',
    subjectId: created.id,
    details: { target, petitionId: petitionId ?? null, rows: described.totalRows },
  });
  return created;
}

async function uploadedImport(importId: string) {
  const found = await db.import.findUnique({ where: { id: importId } });
  if (!found) throw new AppError('NOT_FOUND');
  if (found.status !== 'UPLOADED') throw new AppError('CONFLICT', { messageKey: 'importAlreadyStarted' });
  return found;
}

/** Saves the mapping and what is known of consent; the page then previews the file with them. */
export async function saveImportSettings(actor: Actor, importId: string, input: ImportSettingsInput): Promise<void> {
  const found = await uploadedImport(importId);
  const parsed = ImportSettingsSchema.safeParse({ ...input, target: found.target });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('INVALID', { field: issue.path.join('.') || undefined, messageKey: issue.message });
  }
  const settings = parsed.data;
  await assertFreshSecondFactor(actor);
  const unknown = Object.entries(settings.columns).find(([, header]) => header && !found.headers.includes(header));
  if (unknown) throw new AppError('INVALID', { field: `columns.${unknown[0]}`, messageKey: 'invalidChoice' });
  await db.import.update({
    where: { id: importId },
    data: { settings, sourceLabel: settings.sourceLabel, consentBasis: found.target === 'SUPPORTERS' ? settings.consentBasis : null },
  });
}

/** Queues the run (a background job, so a large file survives the page being closed). */
export async function startImport(actor: Actor, importId: string): Promise<void> {
  const found = await uploadedImport(importId);
  if (!found.settings) throw new AppError('CONFLICT', { messageKey: 'importNotMapped' });
  await db.$transaction(async (tx) => {
    await assertFreshSecondFactor(actor, tx);
    const queued = await tx.import.updateMany({ where: { id: importId, status: 'UPLOADED' }, data: { status: 'QUEUED' } });
    if (queued.count === 0) throw new AppError('CONFLICT', { messageKey: 'importAlreadyStarted' });
    await enqueue('imports.run', { importId }, { singletonKey: importId, tx });
    await recordAudit(
      { actorId: actor.id, action: 'import.start', subjectType: 'Import', subjectId: importId, details: { rows: found.totalRows } },
      tx,
    );
  });
}
