import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of the header line: Google Sheets and Excel in a Russian locale write `;`, others `,`.
 * Counted outside quotes, so a quoted "Фамилия, имя" does not tip it.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of text.slice(0, 64 * 1024)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  const [delimiter, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? delimiter : ',';
}

/** How much of a file csv-parse gets at a time; about 2,000 rows of a typical export. */
const SLICE_BYTES = 256 * 1024;

/**
 * The file's bytes a slice at a time, with a turn of the event loop before each one after the first.
 * Read in one piece, a 150,000-row file kept the process from answering any other request until
 * the whole file was checked (8 s for the import preview); csv-parse joins a character or a field
 * that a slice border cuts.
 */
async function* slicesWithTurns(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let start = 0; start < bytes.byteLength; start += SLICE_BYTES) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    yield bytes.subarray(start, start + SLICE_BYTES);
  }
}

/**
 * The file's rows as arrays of cells, header first, streamed by csv-parse: a UTF-8 byte order mark
 * is dropped, quoted fields may hold delimiters and line breaks, lines end in LF or CRLF, empty lines
 * are skipped and a row may have fewer or more cells than the header.
 */
export function csvRows(file: string | Uint8Array): AsyncIterable<string[]> {
  // The header line is all the delimiter needs: a file of bytes is not decoded whole.
  const head = typeof file === 'string' ? file.slice(0, 64 * 1024) : new TextDecoder().decode(file.subarray(0, 64 * 1024));
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  return Readable.from(slicesWithTurns(bytes)).pipe(
    parse({
      bom: true,
      delimiter: detectDelimiter(head.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }),
  );
}

/** The header and the number of data rows, read once when the file is uploaded. */
export async function describeCsv(file: string | Uint8Array): Promise<{ headers: string[]; totalRows: number }> {
  let headers: string[] | null = null;
  let totalRows = 0;
  for await (const row of csvRows(file)) {
    if (headers) totalRows += 1;
    else headers = row.map((cell) => cell.trim());
  }
  return { headers: headers ?? [], totalRows };
}
