import { describe, expect, it } from 'vitest';
import { csvRows, describeCsv } from '@/lib/imports/read-csv';

// 40,000 rows of Cyrillic (about 2.6 MB): a cell's characters straddle the reader's slice borders.
const ROWS = 40_000;
const file = new TextEncoder().encode(
  `\uFEFFEmail;Имя;Регион\r\n${Array.from({ length: ROWS }, (_, i) => `person${i}@example.org;Айгерим Қалиқызы ${i};Алматы`).join('\r\n')}\r\n`,
);

describe('reading a large file', () => {
  it('gives the server turns while it reads (a preview of 150,000 rows blocked every other request for seconds)', async () => {
    let turns = 0;
    let counting = true;
    const countTurns = () => {
      turns += 1;
      if (counting) setImmediate(countTurns);
    };
    setImmediate(countTurns);
    const { headers, totalRows } = await describeCsv(file);
    counting = false;
    expect(headers).toEqual(['Email', 'Имя', 'Регион']);
    expect(totalRows).toBe(ROWS);
    // One turn at least per 256 KB slice.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(file.byteLength / (256 * 1024)));
  });

  it('reads every cell whole across the slices', async () => {
    let index = -1;
    for await (const cells of csvRows(file)) {
      if (index >= 0) expect(cells).toEqual([`person${index}@example.org`, `Айгерим Қалиқызы ${index}`, 'Алматы']);
      index += 1;
    }
    expect(index).toBe(ROWS);
  });
});
