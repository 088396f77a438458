import { beforeAll, describe, expect, it } from 'vitest';
import { countAudience } from '@/lib/campaigns/count-audience';
import { db } from '@/lib/db';
import { parseConsentDate, regionFromText } from '@/lib/imports/check-row';
import { guessColumns } from '@/lib/imports/guess-columns';
import { saveImportSettings, startImport, uploadImport } from '@/lib/imports/manage-imports';
import { previewImport } from '@/lib/imports/preview-import';
import { importsOfSupporter, openImportFile, refusedRowsCsv } from '@/lib/imports/queries';
import { describeCsv } from '@/lib/imports/read-csv';
import { runImport } from '@/lib/imports/run-import';
import type { ImportSettingsInput } from '@/lib/imports/schemas';
import { readCount } from '@/lib/petitions/count';
import { exportSignaturesCsv } from '@/lib/petitions/export-signatures';
import { getPetitionFigures } from '@/lib/petitions/figures';
import { signPetition } from '@/lib/petitions/sign-petition';
import { actorFor } from '@/tests/support/actor';
import { emailIndexOf, findSupporterByEmail, opened, rawRowText } from '@/tests/support/personal-data';
import { readStream } from '@/tests/support/read-stream';
import { exportSupporter } from '@/lib/supporters/export-supporter';
import { createOrganizer, createSupporter } from '../campaigns/helpers/fixtures';
import { createPetition, signer } from '../petitions/fixtures';

const encode = (text: string) => new TextEncoder().encode(text);
let organizer: { id: string };

beforeAll(async () => {
  organizer = await createOrganizer('importer@example.org');
});

async function uploaded(
  text: string,
  settings: Omit<ImportSettingsInput, 'target'>,
  target: 'SUPPORTERS' | 'SIGNATURES' = 'SUPPORTERS',
  petitionId?: string,
) {
  const actor = await actorFor(organizer);
  const { id } = await uploadImport(actor, { target, petitionId, locale: 'ru' }, { name: 'people.csv', bytes: encode(text) });
  await saveImportSettings(actor, id, { ...settings, target });
  return { id, actor };
}

describe('reading a file', () => {
  it('takes a Google Sheets export in a Russian locale: byte order mark, semicolons, quotes, CRLF', async () => {
    const text =
      '\uFEFFИмя;Электронная почта;Регион\r\n"Иванова; Анна";anna@example.org;Алматы\r\n"Дана ""Д""";dana@example.org;Астана\r\n';
    expect(await describeCsv(text)).toEqual({ headers: ['Имя', 'Электронная почта', 'Регион'], totalRows: 2 });
    expect(guessColumns(['Имя', 'Электронная почта', 'Регион', 'Қала', 'Отметка времени'])).toMatchObject({
      name: 'Имя',
      email: 'Электронная почта',
      region: 'Регион',
      city: 'Қала',
      consentDate: 'Отметка времени',
    });
  });

  it('knows regions by their names in kk, ru and en, the city apart from its region', () => {
    expect(regionFromText('г. Алматы')).toBe('ALMATY');
    expect(regionFromText('Алматинская область')).toBe('ALMATY_REGION');
    expect(regionFromText('Almaty Region')).toBe('ALMATY_REGION');
    expect(regionFromText('Абай облысы')).toBe('ABAI');
    expect(regionFromText('Марс')).toBeNull();
    expect(parseConsentDate('01.03.2025 14:05:00')?.toISOString()).toBe('2025-03-01T09:05:00.000Z');
  });

  it('previews each row with its problems and counts the whole file, duplicates with the file and with supporters', async () => {
    await createSupporter({ email: 'already.here@example.org' });
    const text = [
      'Name,Email,Region',
      'Aigerim,aigerim@example.org,Almaty',
      'Bad,not-an-address,Almaty',
      'Nowhere,nowhere@example.org,Atlantis',
      'Aigerim again,AIGERIM@example.org,Almaty',
      'Known,Already.Here@example.org,Astana',
    ].join('\n');
    const { id } = await uploaded(text, {
      columns: { name: 'Name', email: 'Email', region: 'Region' },
      sourceLabel: 'Old list',
      consentBasis: 'NONE',
    });
    const preview = await previewImport(
      { text: (await openImportFile(id))!, target: 'SUPPORTERS', petitionId: null },
      {
        target: 'SUPPORTERS',
        columns: { name: 'Name', email: 'Email', region: 'Region', city: '', language: '', tags: '', consentDate: '' },
        sourceLabel: 'Old list',
        consentBasis: 'NONE',
        consentDate: '',
      },
    );
    expect(preview.rows.map((row) => [row.rowNumber, row.problems, row.existing])).toEqual([
      [2, [], false],
      [3, ['emailInvalid'], false],
      [4, ['regionUnknown'], false],
      [5, ['duplicateInFile'], false],
      [6, [], true],
    ]);
    expect(preview.counts).toEqual({ good: 2, refused: 3, duplicatesInFile: 1, existing: 1 });
  });

  it('refuses an upload without a fresh second factor', async () => {
    const stale = await actorFor(organizer, { minutesAgo: 30 });
    await expect(
      uploadImport(stale, { target: 'SUPPORTERS', locale: 'en' }, { name: 'a.csv', bytes: encode('Email\na@example.org\n') }),
    ).rejects.toThrow('stepUpRequired');
  });
});

describe('the run', () => {
  it('imports the good rows sealed, merges duplicates, keeps the bad ones with reasons, records consent and the source', async () => {
    const existing = await createSupporter({ email: 'merge.me@example.org', consent: 'none', region: null });
    await db.supporter.update({ where: { id: existing.id }, data: { nameSealed: null } });
    const before = await countAudience({ sources: [{ type: 'updates' }] });
    const text = [
      'Email,Name,Region,City,Language,Tags,Consent date',
      'consented@example.org,Гүлнар,Шымкент,Шымкент,kk,"volunteer, march",2025-03-01',
      'merge.me@example.org,Merged Name,Pavlodar,,ru,,01.03.2025',
      'bad@,Bad,Pavlodar,,ru,,2025-03-01',
      'nodate@example.org,No Date,Pavlodar,,ru,,',
    ].join('\r\n');
    const { id, actor } = await uploaded(text, {
      columns: {
        email: 'Email',
        name: 'Name',
        region: 'Region',
        city: 'City',
        language: 'Language',
        tags: 'Tags',
        consentDate: 'Consent date',
      },
      sourceLabel: 'Change.org export, March 2025',
      consentBasis: 'COLUMN',
    });
    await startImport(actor, id);
    const done = await runImport(id);
    expect(done).toMatchObject({ status: 'DONE', processedRows: 4, importedRows: 1, mergedRows: 1, refusedRows: 2, fileSealed: null });

    const consented = (await findSupporterByEmail('consented@example.org'))!;
    const [openedSupporter] = await opened([consented]);
    expect(openedSupporter).toMatchObject({ email: 'consented@example.org', name: 'Гүлнар', region: 'SHYMKENT', locale: 'kk' });
    expect(await rawRowText('Supporter', 'id = $1', consented.id)).not.toContain('Гүлнар');
    const tags = await db.supporterTag.findMany({ where: { supporterId: consented.id }, include: { tag: true } });
    expect(tags.map((row) => row.tag.name).sort()).toEqual(['march', 'volunteer']);
    expect(await importsOfSupporter(consented.id)).toEqual([
      { source: 'Change.org export, March 2025', importedAt: expect.any(Date), consentGivenAt: new Date('2025-02-28T19:00:00Z') },
    ]);
    // The person's own copy of their data says where it came from.
    const exported = JSON.parse(await exportSupporter(consented.id, actor));
    expect(exported.supporter).toMatchObject({ city: 'Шымкент', region: 'SHYMKENT' });
    expect(exported.importedFrom).toEqual([
      { source: 'Change.org export, March 2025', importedAt: expect.any(String), consentGivenAt: '2025-02-28T19:00:00.000Z' },
    ]);

    // Merged: the name and region it lacked are filled in; one person.
    const merged = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('merge.me@example.org') } });
    expect(merged.id).toBe(existing.id);
    expect(merged.region).toBe('PAVLODAR');
    expect((await opened([merged]))[0]).toMatchObject({ name: 'Merged Name' });

    // Both have consent now; the refused ones are not here at all.
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(before + 2);
    expect(await findSupporterByEmail('nodate@example.org')).toBeNull();

    const csv = (await readStream(await refusedRowsCsv(actor, id, 'ru'))).text;
    expect(csv).toContain('"bad@","Bad","Pavlodar","","ru","","2025-03-01","4","неверный адрес почты"');
    expect(csv).toContain('"nodate@example.org","No Date","Pavlodar","","ru","","","5","нет верной даты согласия"');
    expect(
      await db.auditLog.count({
        where: { subjectId: id, action: { in: ['import.upload', 'import.start', 'import.finish', 'import.refused-download'] } },
      }),
    ).toBe(4);
  });

  it('people without recorded consent are in no campaign audience', async () => {
    const before = await countAudience({ sources: [{ type: 'updates' }] });
    const { id, actor } = await uploaded('Email,Region\nno.consent.1@example.org,Almaty\nno.consent.2@example.org,Almaty\n', {
      columns: { email: 'Email', region: 'Region' },
      sourceLabel: 'Old mailing list',
      consentBasis: 'NONE',
    });
    await startImport(actor, id);
    expect(await runImport(id)).toMatchObject({ importedRows: 2 });
    expect(await findSupporterByEmail('no.consent.1@example.org')).not.toBeNull();
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(before);
    const supporter = (await findSupporterByEmail('no.consent.1@example.org'))!;
    expect(await importsOfSupporter(supporter.id)).toEqual([
      { source: 'Old mailing list', importedAt: expect.any(Date), consentGivenAt: null },
    ]);
  });

  it('never gives consent back to someone who withdrew it', async () => {
    await createSupporter({ email: 'withdrew@example.org', consent: 'withdrawn' });
    const before = await countAudience({ sources: [{ type: 'updates' }] });
    const { id, actor } = await uploaded('Email\nwithdrew@example.org\n', {
      columns: { email: 'Email' },
      sourceLabel: 'Old list',
      consentBasis: 'ONE_DATE',
      consentDate: '2025-01-10',
    });
    await startImport(actor, id);
    expect(await runImport(id)).toMatchObject({ mergedRows: 1 });
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(before);
  });
});

describe('offline signatures', () => {
  it('counts a paper signer who also signed online once, rows without email each, and shows them apart', async () => {
    const petition = await createPetition();
    expect(await signPetition(petition.slug, signer('online.and.paper@example.org'), { clientAddress: '10.0.0.1' })).toBe('accepted');
    await db.signature.updateMany({ where: { petitionId: petition.id }, data: { status: 'CONFIRMED', confirmedAt: new Date() } });
    const text = [
      'ФИО;Почта;Регион;Город',
      'Online And Paper;Online.And.Paper@example.org;Алматы;Алматы',
      'Бумажная Подпись;;Шымкент;',
      'Ещё Одна;;Шымкент;',
      'Без Региона;;;',
    ].join('\n');
    const countBefore = await readCount(petition.id);
    const { id, actor } = await uploaded(
      text,
      { columns: { name: 'ФИО', email: 'Почта', region: 'Регион', city: 'Город' }, sourceLabel: 'paper sheets, Almaty march, 1 Dec' },
      'SIGNATURES',
      petition.id,
    );
    await startImport(actor, id);
    expect(await runImport(id)).toMatchObject({ importedRows: 2, mergedRows: 1, refusedRows: 1 });
    expect(await readCount(petition.id)).toBe(countBefore + 2);

    const signatures = await db.signature.findMany({ where: { petitionId: petition.id }, orderBy: { id: 'asc' } });
    expect(signatures.map((row) => [row.channel, row.status, row.offlineSource])).toEqual([
      ['ONLINE', 'CONFIRMED', null],
      ['OFFLINE', 'CONFIRMED', 'paper sheets, Almaty march, 1 Dec'],
      ['OFFLINE', 'CONFIRMED', 'paper sheets, Almaty march, 1 Dec'],
    ]);
    expect(await getPetitionFigures(petition.id)).toMatchObject({ confirmed: 3, offline: 2 });

    const exported = (await readStream(await exportSignaturesCsv({ petitionId: petition.id, actor, locale: 'en' }))).text;
    expect(exported.split('\r\n')[0]).toContain('"Channel"');
    expect(exported).toContain('"offline: paper sheets, Almaty march, 1 Dec"');
    expect(exported.match(/"online"/g)).toHaveLength(1);
  });
});
