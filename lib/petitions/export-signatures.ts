import { recordAudit } from '@/lib/audit';
import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { csvRow, csvStream, type CsvCell } from '@/lib/csv/csv-stream';
import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import { getTranslator, type Translator } from '@/lib/i18n/translator';

export const EXPORT_BATCH = 2_000;

type ExportInput = { petitionId: string; actor: Actor; locale: string; batchSize?: number };

/**
 * The confirmed signatures of a petition as CSV, streamed: rows are read in batches by id (keyset,
 * never OFFSET) only as fast as the client downloads them, so 150,000 rows never sit in memory.
 * Only with a fresh second factor; the export is audit-logged (who, when, which petition) before the
 * first byte leaves.
 */
export async function exportSignaturesCsv({
  petitionId,
  actor,
  locale,
  batchSize = EXPORT_BATCH,
}: ExportInput): Promise<ReadableStream<Uint8Array>> {
  await assertFreshSecondFactor(actor);
  await recordAudit({
    actorId: actor.id,
    action: 'petition.export',
    subjectType: 'Petition',
    subjectId: petitionId,
    details: { format: 'csv' },
  });
  const t = getTranslator(locale, 'petitions');
  const header = csvRow(
    (['name', 'email', 'region', 'city', 'date', 'consentVersion', 'channel'] as const).map((key) => t(`console.csv.${key}`)),
  );
  return csvStream(header, signatureRows(petitionId, batchSize, getTranslator(locale, 'common'), t));
}

async function* signatureRows(
  petitionId: string,
  batchSize: number,
  regions: Translator<'common'>,
  t: Translator<'petitions'>,
): AsyncGenerator<CsvCell[][]> {
  const keys = await keyring();
  let afterId = 0n;
  for (;;) {
    const rows = await db.signature.findMany({
      where: { petitionId, status: 'CONFIRMED', anonymisedAt: null, id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: {
        id: true,
        fullNameSealed: true,
        emailSealed: true,
        region: true,
        citySealed: true,
        confirmedAt: true,
        consentVersion: true,
        channel: true,
        offlineSource: true,
      },
    });
    if (rows.length === 0) return;
    afterId = rows.at(-1)!.id;
    yield rows.map((row) => [
      keys.open('name', row.fullNameSealed),
      keys.open('email', row.emailSealed),
      regions(`regions.${row.region}`),
      keys.openOptional('place', row.citySealed) ?? '',
      row.confirmedAt?.toISOString() ?? '',
      row.consentVersion,
      row.channel === 'OFFLINE' ? t('console.csv.offline', { source: row.offlineSource ?? '' }) : t('console.csv.online'),
    ]);
  }
}
