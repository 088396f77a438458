export type CsvCell = string | number | null | undefined;

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The cells of one row, each through csvCell, without the line break. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A CSV download, streamed: a byte order mark (so spreadsheets read UTF-8), the header line as
 * given, then one batch of rows per pull, so the next batch is read only as fast as the client
 * downloads and a large export never sits in memory. Lines end in CRLF (RFC 4180).
 */
export function csvStream(header: string, batches: AsyncIterable<readonly (readonly CsvCell[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${header}\r\n`));
        return;
      }
      let next = await iterator.next();
      // A pull that enqueues nothing is not pulled again: skip empty batches.
      while (!next.done && next.value.length === 0) next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((cells) => `${csvRow(cells)}\r\n`).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
