import { describe, expect, it } from 'vitest';
import { secondFactorReturnPath } from './return-path';

describe('secondFactorReturnPath', () => {
  it('keeps console pages, organizer downloads and the enrolment page of the locale, with their query', () => {
    expect(secondFactorReturnPath('ru', '/ru/console')).toBe('/ru/console');
    expect(secondFactorReturnPath('ru', '/ru/console/petitions/abc?tab=signers')).toBe('/ru/console/petitions/abc?tab=signers');
    expect(secondFactorReturnPath('en', '/api/petitions/some-slug/export?lang=en')).toBe('/api/petitions/some-slug/export?lang=en');
    expect(secondFactorReturnPath('kk', '/kk/login/enrol')).toBe('/kk/login/enrol');
  });

  it('sends anything else to the console home of the locale', () => {
    for (const value of [
      undefined,
      ['/en/console/a', '/en/console/b'],
      '',
      'https://evil.example/en/console',
      '//evil.example/en/console',
      '/\\evil.example/en/console',
      'javascript:alert(1)',
      '/en/consolex',
      '/ru/console',
      '/en/login',
      '/en/login/enrol/../verify',
      '/en/console/../login',
      '/api',
      '/en/console\n/x',
    ]) {
      expect(secondFactorReturnPath('en', value)).toBe('/en/console');
    }
  });
});
