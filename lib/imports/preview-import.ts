import { db } from '@/lib/db';
import type { RowProblem } from '@/lib/imports/check-row';
import { checkedRows } from '@/lib/imports/checked-rows';
import type { ImportSettings } from '@/lib/imports/schemas';
import { keyring } from '@/lib/security/personal-data';

export const PREVIEW_ROWS = 20;

export type ImportPreview = {
  rows: Array<{ rowNumber: number; cells: string[]; problems: RowProblem[]; existing: boolean }>;
  /** Over the whole file: rows that will go in, rows refused, and of the good ones those that merge with someone already here. */
  counts: { good: number; refused: number; duplicatesInFile: number; existing: number };
};

/**
 * The first rows with their problems, and the counts over the whole file, as the run will find
 * them. "Existing" is a supporter with the same address, or (offline signatures) a signature of the
 * petition with it, which counts once.
 */
export async function previewImport(
  file: { text: string | Uint8Array; target: 'SUPPORTERS' | 'SIGNATURES'; petitionId: string | null },
  settings: ImportSettings,
  now = new Date(),
): Promise<ImportPreview> {
  const keys = await keyring();
  const rows: ImportPreview['rows'] = [];
  const counts = { good: 0, refused: 0, duplicatesInFile: 0, existing: 0 };
  const goodIndexes: string[] = [];
  const previewIndexes = new Map<string, number>();
  for await (const row of checkedRows(file.text, settings, keys, now)) {
    if (row.problems.length === 0) {
      counts.good += 1;
      if (row.emailIndex) goodIndexes.push(row.emailIndex);
    } else counts.refused += 1;
    if (row.problems.includes('duplicateInFile')) counts.duplicatesInFile += 1;
    if (rows.length < PREVIEW_ROWS) {
      if (row.emailIndex && row.problems.length === 0) previewIndexes.set(row.emailIndex, rows.length);
      rows.push({ rowNumber: row.rowNumber, cells: row.cells, problems: row.problems, existing: false });
    }
  }
  for (let start = 0; start < goodIndexes.length; start += 10_000) {
    const chunk = goodIndexes.slice(start, start + 10_000);
    const found =
      file.target === 'SIGNATURES'
        ? await db.signature.findMany({
            where: { petitionId: file.petitionId ?? '', emailIndex: { in: chunk } },
            select: { emailIndex: true },
          })
        : await db.supporter.findMany({ where: { emailIndex: { in: chunk } }, select: { emailIndex: true } });
    counts.existing += found.length;
    for (const { emailIndex } of found) {
      const at = previewIndexes.get(emailIndex);
      if (at !== undefined) rows[at]!.existing = true;
    }
  }
  return { rows, counts };
}
