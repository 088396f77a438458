import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { getTranslator, type Translator } from '@/lib/i18n/translator';

export const EXPORT_BATCH = 2_000;

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ neutralised (spreadsheet formulas). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

type ExportInput = { petitionId: string; actorId: string; locale: string; batchSize?: number };

/**
 * The confirmed signatures of a petition as CSV, streamed: rows are read in batches by id (keyset,
 * never OFFSET) only as fast as the client downloads them, so 150,000 rows never sit in memory.
 * The export is audit-logged (who, when, which petition) before the first byte leaves.
 */
export async function exportSignaturesCsv({ petitionId, actorId, locale, batchSize = EXPORT_BATCH }: ExportInput): Promise<ReadableStream<Uint8Array>> {
  await recordAudit({ actorId, action: 'petition.export', subjectType: 'Petition', subjectId: petitionId, details: { format: 'csv' } });
  const t = getTranslator(locale, 'petitions');
  const regions = getTranslator(locale, 'common');
  const encoder = new TextEncoder();
  let afterId = 0n;
  let headerSent = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${header(t)}`));
        return;
      }
      const rows = await db.signature.findMany({
        where: { petitionId, status: 'CONFIRMED', id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take: batchSize,
        select: { id: true, fullName: true, email: true, region: true, city: true, confirmedAt: true, consentVersion: true },
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      afterId = rows.at(-1)!.id;
      const chunk = rows
        .map((row) =>
          csvLine([
            row.fullName,
            row.email,
            regions(`regions.${row.region}` as never),
            row.city ?? '',
            row.confirmedAt?.toISOString() ?? '',
            row.consentVersion,
          ]),
        )
        .join('');
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

function header(t: Translator): string {
  return csvLine(['name', 'email', 'region', 'city', 'date', 'consentVersion'].map((key) => t(`console.csv.${key}` as never)));
}
