import { afterAll, describe, expect, it } from 'vitest';
import { actorFor } from '@/tests/support/actor';
import { db } from '@/lib/db';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { PRIVACY_NOTICE_VERSION } from '@/lib/petitions/constants';
import { csvCell } from '@/lib/csv/csv-stream';
import { exportSignaturesCsv } from '@/lib/petitions/export-signatures';
import { getAbuseFigures, getPetitionFigures } from '@/lib/petitions/figures';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';
import { signPetition } from '@/lib/petitions/sign-petition';
import { stopWorkers } from '@/lib/queue';
import { readStream } from '../support/read-stream';
import { createPetition, latestToken, signer } from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

describe('export', () => {
  it('streams the confirmed signatures in batches, with the columns organizers hand over, and logs who exported', async () => {
    const petition = await createPetition();
    const admin = await db.user.create({ data: { email: 'organizer@example.org', role: 'ORGANIZER' } });
    const people = [
      { email: 'a@example.org', fullName: 'Aigerim Karimova', city: 'Almaty' },
      { email: 'b@example.org', fullName: 'Dana "Dan" Sultanova, PhD', city: undefined },
      { email: 'c@example.org', fullName: '=HYPERLINK("x") Evil', city: '+cmd' },
      { email: 'pending@example.org', fullName: 'Not Confirmed', city: undefined },
    ];
    for (const person of people) {
      await signPetition(petition.slug, signer(person.email, { fullName: person.fullName, city: person.city, region: 'ASTANA' }), {
        clientAddress: '192.0.2.1',
      });
    }
    await sendSignatureMails();
    for (const person of people.slice(0, 3)) await confirmSignature((await latestToken(person.email)).token);

    const { text, chunks } = await readStream(
      await exportSignaturesCsv({ petitionId: petition.id, actor: await actorFor(admin), locale: 'en', batchSize: 2 }),
    );
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Name","Email","Region","City","Confirmed at","Consent version","Channel"');
    expect(lines).toHaveLength(4);
    expect(chunks).toBeGreaterThanOrEqual(3); // header + two batches of at most 2 rows
    expect(lines[1]).toMatch(/^"Aigerim Karimova","a@example.org","Astana \(city\)","Almaty","\d{4}-\d\d-\d\dT[^"]+",/);
    expect(lines[1]).toContain(`"${PRIVACY_NOTICE_VERSION}"`);
    expect(lines[1]).toMatch(/,"online"$/);
    expect(lines[2]).toContain('"Dana ""Dan"" Sultanova, PhD"');
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"") Evil"`);
    expect(lines[3]).toContain(`"'+cmd"`);
    expect(text).not.toContain('pending@example.org');

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'petition.export', subjectId: petition.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('csv cells neutralise formulas and quote everything', () => {
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('plain')).toBe('"plain"');
  });

  it("figures give confirmed/pending, per day, per region and the last hour's heavy networks and domains", async () => {
    const petition = await createPetition();
    for (let i = 0; i < 3; i += 1) {
      await signPetition(petition.slug, signer(`f${i}@mail.example`, { region: i ? 'ABAI' : 'ALMATY' }), {
        clientAddress: '198.51.100.20',
      });
    }
    await sendSignatureMails();
    await confirmSignature((await latestToken('f0@mail.example')).token);
    const figures = await getPetitionFigures(petition.id);
    expect(figures).toMatchObject({ confirmed: 1, pending: 2, perRegion: [{ region: 'ALMATY', count: 1 }] });
    expect(figures.perDay).toHaveLength(1);
    const abuse = await getAbuseFigures(petition.id);
    expect(abuse.networks).toEqual([{ network: '198.51.100.0/24', count: 3 }]);
    expect(abuse.domains).toEqual([{ domain: 'mail.example', count: 3 }]);
  });
});
