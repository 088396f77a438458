import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { formStateForError as campaignFormStateForError } from '@/lib/campaigns/field-errors';
import { formStateForError } from '@/lib/events/field-errors';
import { formInput } from '@/lib/i18n/field-errors';
import { errorTexts as petitionErrorTexts } from '@/lib/petitions/field-errors';
import { outageError } from '@/tests/support/unreachable-database';

describe('formStateForError', () => {
  it('puts a domain error beside the field it names, in the reader’s language', () => {
    const state = formStateForError(new AppError('INVALID', { field: 'guests', messageKey: 'guestsTooMany' }), 'ru');
    expect(Object.keys(state.fieldErrors)).toEqual(['guests']);
    expect(state.fieldErrors.guests).toMatch(/[а-я]/);
    expect(state.formError).toBe('В форме есть ошибки: проверьте поля ниже.');
  });

  it('puts a domain error without a field above the form, with the shared text for its code', () => {
    expect(formStateForError(new AppError('CLOSED'), 'en')).toEqual({ ok: false, fieldErrors: {}, formError: 'This is no longer open.' });
  });

  it('asks to send again, in Kazakh, when the database cannot be reached: nothing was stored', async () => {
    const outage = await outageError();
    expect(formStateForError(outage, 'kk')).toEqual({
      ok: false,
      fieldErrors: {},
      formError: expect.stringContaining('ештеңе сақталмады'),
    });
  });

  it('rethrows what no form can explain: a bug stays a bug', () => {
    const bug = new TypeError('x is undefined');
    expect(() => formStateForError(bug, 'en')).toThrow(bug);
  });
});

describe('formInput', () => {
  it('rebuilds nested fields and keeps checkbox groups as lists, one box or none ticked', () => {
    const formData = new FormData();
    formData.append('slug', 'march');
    formData.append('title.kk', 'Шеру');
    formData.append('title.en', 'March');
    formData.append('audience.regions', 'ABAI');
    formData.append('$ACTION_ID_abc', '');
    expect(formInput(formData, ['audience.regions', 'audience.locales', 'languages'])).toEqual({
      slug: 'march',
      title: { kk: 'Шеру', en: 'March' },
      audience: { regions: ['ABAI'], locales: [] },
      languages: [],
    });
  });
});

describe('fieldErrorTexts with a namespace inside a message file', () => {
  it('finds the campaign console’s own texts in campaigns.console.errors', () => {
    const state = campaignFormStateForError(new AppError('CLOSED', { messageKey: 'campaignNotEditable' }), 'en');
    expect(state.formError).toBe('This campaign has started and can no longer be edited.');
  });
});

describe('errorTexts', () => {
  it('gives a public form every error text it may show, its capability’s own over the shared ones, once per language', () => {
    const texts = petitionErrorTexts('en');
    expect(texts.emailInvalid).toBe('Please check the email address.');
    expect(texts.generic).toBe('Something went wrong. Please try again.');
    expect(texts.linkInvalid).toBe('This link is not valid.'); // shared: 'Please check the link (like https://…).'
    expect(petitionErrorTexts('ru').emailInvalid).toBe('Проверьте адрес электронной почты.');
    expect(petitionErrorTexts('en')).toBe(texts);
  });
});
