import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { DEFAULT_HOTLINES } from '@/lib/help/default-hotlines';
import { findPublicHotlines, findStoredHotlines } from '@/lib/help/queries';
import { UpdateHotlinesSchema } from '@/lib/help/schemas';
import { updateHotlines } from '@/lib/help/update-hotlines';
import { fieldErrorKeys } from '@/lib/validation';

afterAll(() => db.$disconnect());

const text = (value: string) => ({ kk: `${value} kk`, ru: `${value} ru`, en: `${value} en` });

async function createOrganizer() {
  return db.user.create({ data: { email: `organizer-${Date.now()}-${Math.random()}@example.org`, role: 'ORGANIZER' } });
}

beforeEach(async () => {
  await db.hotline.deleteMany({});
  await db.auditLog.deleteMany({});
});

describe('updateHotlines', () => {
  it('replaces the list in the given order and records who changed it', async () => {
    const organizer = await createOrganizer();
    await db.hotline.createMany({
      data: DEFAULT_HOTLINES.map((hotline, position) => ({ ...hotline, position })),
    });

    const input = UpdateHotlinesSchema.parse({
      hotlines: [
        { number: ' 112 ', name: text('Emergency'), description: text('Any danger') },
        { number: '+7 (727) 123-45-67', name: text('Crisis centre'), description: text('Shelter') },
        { number: '111', name: text('Family line'), description: text('Free, 24/7') },
      ],
    });
    await updateHotlines(input, organizer);

    const stored = await findStoredHotlines();
    expect(stored.map((h) => h.number)).toEqual(['112', '+7 (727) 123-45-67', '111']);
    expect(stored[1]).toMatchObject({ name: text('Crisis centre'), description: text('Shelter') });
    expect((await db.hotline.findMany({ orderBy: { position: 'asc' } })).map((h) => h.position)).toEqual([0, 1, 2]);

    const audit = await db.auditLog.findMany({ where: { action: 'help.hotlines.update' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: organizer.id,
      subjectType: 'Hotline',
      details: { before: ['111', '150', '102', '112'], after: ['112', '+7 (727) 123-45-67', '111'] },
    });
  });

  it('shows the saved list on public pages, and the defaults when the table is empty', async () => {
    expect((await findPublicHotlines()).map((h) => h.number)).toEqual(DEFAULT_HOTLINES.map((h) => h.number));

    const organizer = await createOrganizer();
    await updateHotlines(
      UpdateHotlinesSchema.parse({ hotlines: [{ number: '150', name: text('Youth'), description: text('Advice') }] }),
      organizer,
    );
    // React's cache() memoises only inside a server request; here every call reads again.
    expect((await findPublicHotlines()).map((h) => h.number)).toEqual(['150']);
  });
});

describe('UpdateHotlinesSchema', () => {
  it('rejects bad input with an error key per field', () => {
    const parsed = UpdateHotlinesSchema.safeParse({
      hotlines: [
        { number: 'call me', name: { kk: '', ru: 'x', en: 'x' }, description: text('ok') },
        { number: '102', name: text('Police'), description: { kk: 'x', ru: 'x', en: 'x'.repeat(601) } },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(fieldErrorKeys(parsed.error!)).toEqual({
      'hotlines.0.number': 'phoneInvalid',
      'hotlines.0.name.kk': 'required',
      'hotlines.1.description.en': 'tooLong',
    });
    expect(fieldErrorKeys(UpdateHotlinesSchema.safeParse({ hotlines: [] }).error!)).toEqual({ hotlines: 'tooFew' });
  });
});
