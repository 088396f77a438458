import { checkRow, columnIndexes, type ImportedPerson, type RowProblem } from '@/lib/imports/check-row';
import { csvRows } from '@/lib/imports/read-csv';
import type { ImportSettings } from '@/lib/imports/schemas';
import type { Keyring } from '@/lib/security/personal-data';

export type CheckedFileRow = {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  cells: string[];
  person: ImportedPerson;
  /** The blind index of the address; null for a row without one (an offline signature by name). */
  emailIndex: string | null;
  problems: RowProblem[];
};

/**
 * Every data row of a file, checked against the mapping; a second row with an address seen before
 * in the file is a duplicate (by the blind index, so `Dana.S+x@gmail.com` repeats `danas@gmail.com`).
 */
export async function* checkedRows(
  file: string | Uint8Array,
  settings: ImportSettings,
  keys: Keyring,
  now: Date,
): AsyncGenerator<CheckedFileRow> {
  const seen = new Set<string>();
  let indexes: ReturnType<typeof columnIndexes> | null = null;
  let rowNumber = 0;
  for await (const cells of csvRows(file)) {
    rowNumber += 1;
    if (!indexes) {
      indexes = columnIndexes(
        cells.map((cell) => cell.trim()),
        settings.columns,
      );
      continue;
    }
    const { person, problems } = checkRow(cells, indexes, settings, now);
    const emailIndex = person.email ? keys.emailIndex(person.email) : null;
    if (emailIndex && seen.has(emailIndex)) problems.push('duplicateInFile');
    else if (emailIndex && problems.length === 0) seen.add(emailIndex);
    yield { rowNumber, cells, person, emailIndex, problems };
  }
}
