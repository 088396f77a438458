/**
 * `npm run bench:import`: a 150,000-row supporter import on this machine. Starts its own embedded
 * PostgreSQL, adds 5,000 supporters, writes a CSV of IMPORT_ROWS rows (about 1 % bad addresses, 1 %
 * unknown regions, 2 % repeats of an earlier row, 3 % people already here, a consent date per row),
 * uploads it as an organizer with a fresh second factor, maps it, and runs it with runImport (what the
 * `imports.run` job calls). Prints one JSON line: rows/s, seconds for the upload, the preview (what
 * the preview page does on each view) and the run, the counts, the CPU seconds this process spent,
 * and the peak RSS of this process (maxRSS). Asserts nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';
import { newMasterKey } from '../../lib/security/keyring';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = '.data/bench-import';
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54376);
const ROWS = Number(process.env.IMPORT_ROWS ?? 150_000);
const EXISTING = 5_000;
const REGIONS = ['Алматы', 'Astana', 'Шымкент', 'Абай облысы', 'Павлодарская область', 'Karaganda Region'];

function csvFile(run: string): string {
  const lines = ['Email;Имя;Регион;Город;Язык;Теги;Дата согласия'];
  for (let row = 1; row <= ROWS; row += 1) {
    const kind = row % 100;
    const email =
      kind === 0
        ? `broken-${row}-at-example.org`
        : kind === 1 || kind === 2
          ? `p${row - 7}.${run}@bench.example`
          : kind < 6
            ? `existing${(Math.floor(row / 100) * 3 + kind - 3) % EXISTING}.${run}@bench.example`
            : `p${row}.${run}@bench.example`;
    const region = kind === 50 ? 'Атлантида' : REGIONS[row % REGIONS.length];
    lines.push(
      `${email};"Тестовый Человек ${row}";${region};Алматы;${['kk', 'ru', 'en'][row % 3]};"bench, wave ${row % 4}";01.03.2025 12:00:00`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function main() {
  await rm(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(ROOT, DATA_DIR, 'postgres'), port: PG_PORT, ephemeral: true });
  try {
    await applyMigrationsAndPendingSchema(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    process.env.DAUYS_MASTER_KEY = newMasterKey();
    const { db } = await import('../../lib/db');
    const { keyring, sealPerson } = await import('../../lib/security/personal-data');
    const { uploadImport, saveImportSettings } = await import('../../lib/imports/manage-imports');
    const { runImport } = await import('../../lib/imports/run-import');
    const { previewImport } = await import('../../lib/imports/preview-import');
    const { openImportFile } = await import('../../lib/imports/queries');
    const { ImportSettingsSchema } = await import('../../lib/imports/schemas');
    const keys = await keyring();
    const run = randomBytes(3).toString('hex');

    await db.supporter.createMany({
      data: Array.from({ length: EXISTING }, (_, index) => {
        const person = sealPerson(keys, { email: `existing${index}.${run}@bench.example`, name: 'Existing' });
        return { emailIndex: person.emailIndex, emailSealed: person.emailSealed, nameSealed: person.nameSealed, locale: 'ru' as const };
      }),
    });
    const organizer = await db.user.create({ data: { email: `bench-${run}@example.org`, role: 'ORGANIZER' } });
    const session = await db.session.create({
      data: { sessionToken: randomUUID(), userId: organizer.id, expires: new Date(Date.now() + 3_600_000), secondFactorAt: new Date() },
    });
    const actor = { id: organizer.id, sessionId: session.id };
    const bytes = new TextEncoder().encode(csvFile(run));

    const uploadStarted = performance.now();
    const { id } = await uploadImport(actor, { target: 'SUPPORTERS', locale: 'ru' }, { name: 'bench.csv', bytes });
    await saveImportSettings(actor, id, {
      target: 'SUPPORTERS',
      columns: {
        email: 'Email',
        name: 'Имя',
        region: 'Регион',
        city: 'Город',
        language: 'Язык',
        tags: 'Теги',
        consentDate: 'Дата согласия',
      },
      sourceLabel: 'Benchmark file',
      consentBasis: 'COLUMN',
    });
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    // What the preview page does on each view: open the sealed file and check every row.
    const previewStarted = performance.now();
    // How long the process could not answer anything else meanwhile (the web server runs the preview).
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const saved = await db.import.findUniqueOrThrow({ where: { id } });
    await previewImport(
      { text: (await openImportFile(id))!, target: 'SUPPORTERS', petitionId: null },
      ImportSettingsSchema.parse(saved.settings),
    );
    const previewSeconds = (performance.now() - previewStarted) / 1000;
    stalls.disable();
    // What startImport does minus the queue: the job would call runImport with this id.
    await db.import.update({ where: { id }, data: { status: 'QUEUED' } });

    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const done = await runImport(id);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const supporters = await db.supporter.count();
    console.log(
      JSON.stringify({
        rows: ROWS,
        fileMegabytes: Number((bytes.byteLength / 1_048_576).toFixed(1)),
        uploadSeconds: Number(uploadSeconds.toFixed(1)),
        previewSeconds: Number(previewSeconds.toFixed(1)),
        /** The longest time the event loop was held during the preview. */
        previewLongestStallMs: Math.round(stalls.max / 1e6),
        runSeconds: Number(seconds.toFixed(1)),
        rowsPerSecond: Math.round(ROWS / seconds),
        /** CPU time of this process during the run (parsing, checking, sealing); the rest is PostgreSQL and waiting. */
        nodeCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
        imported: done?.importedRows,
        merged: done?.mergedRows,
        refused: done?.refusedRows,
        supporters,
        peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
    await db.$disconnect();
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
