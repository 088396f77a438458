import { describe, expect, it } from 'vitest';
import { groupDigits } from './group-digits';
import { getTranslator } from './translator';
import { errorTextFrom, fillPlural, fillTemplate, pluralTemplates, textsFor } from './texts';

describe('texts for public client components', () => {
  it('a count the browser updates reads as the translator writes it, in each plural form', () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const t = getTranslator(locale, 'petitions');
      const templates = pluralTemplates(locale, (count) => t('page.count', { count, shown: '{shown}' }));
      for (const count of [0, 1, 2, 4, 5, 11, 21, 22, 25, 101, 150_000]) {
        const shown = groupDigits(count, locale);
        expect(fillPlural(templates, locale, count, { shown }), `${locale} ${count}`).toBe(t('page.count', { count, shown }));
      }
    }
  });

  it('a browser without a language’s plural rules falls back to `other`', () => {
    expect(fillPlural({ other: '{shown} қол' }, 'kk', 1, { shown: '1' })).toBe('1 қол');
  });

  it('fills each {name} and leaves an unknown one as it is', () => {
    expect(fillTemplate('Goal: {goal} ({left})', { goal: '150,000' })).toBe('Goal: 150,000 ({left})');
  });

  it('translates a list of keys, and gives `generic` for an error key it does not know, inherited ones too', () => {
    const t = getTranslator('en', 'petitions');
    expect(textsFor((key: 'form.submit' | 'form.email') => t(key), ['form.submit', 'form.email'])).toEqual({
      'form.submit': 'Sign',
      'form.email': 'Email',
    });
    const errorText = errorTextFrom({ emailInvalid: 'Please check the email address.', generic: 'Something went wrong.' });
    expect(errorText('emailInvalid')).toBe('Please check the email address.');
    expect(errorText('noSuchKey')).toBe('Something went wrong.');
    expect(errorText('constructor')).toBe('Something went wrong.');
  });
});
