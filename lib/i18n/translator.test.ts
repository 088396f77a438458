import compileMessage from 'icu-minify/compile';
import { describe, expect, it } from 'vitest';
import { loadMessages, loadNamespace, pickMessages } from '@/lib/i18n/messages';
import { NAMESPACES } from '@/lib/i18n/namespaces';
import { routing } from '@/lib/i18n/routing';
import { formatDate, formatDateTime, formatTime, getTranslator } from '@/lib/i18n/translator';
import { REGIONS } from '@/lib/validation';

/** Every message of a tree as [dotted key, message]. */
function messagesOf(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (!tree || typeof tree !== 'object') return [[prefix, tree]];
  return Object.entries(tree).flatMap(([key, value]) => messagesOf(value, prefix ? `${prefix}.${key}` : key));
}

const keysOf = (tree: unknown) => messagesOf(tree).map(([key]) => key);

describe('getTranslator', () => {
  it('translates outside a request, per locale and namespace', () => {
    expect(getTranslator('kk', 'common')('nav.help')).toBe('Көмек алу');
    expect(getTranslator('ru', 'errors')('required')).toBe('Заполните это поле.');
    expect(getTranslator('en', 'help')('call', { number: '111' })).toBe('Call 111');
  });

  it('falls back to Kazakh for an unknown locale', () => {
    expect(getTranslator('de', 'common')('nav.help')).toBe('Көмек алу');
  });
});

describe('date formatting', () => {
  // 13:00 UTC is 18:00 in Kazakhstan (UTC+5), whatever the server's own time zone is.
  const date = new Date('2025-11-25T13:00:00Z');

  it('shows Kazakhstan time in every locale', () => {
    expect(formatTime(date, 'en')).toBe('18:00');
    expect(formatDateTime(date, 'ru')).toContain('25 ноября 2025');
    expect(formatDateTime(date, 'ru')).toContain('18:00');
    expect(formatDateTime(date, 'kk')).toContain('қараша');
    expect(formatDate(new Date('2025-11-30T20:00:00Z'), 'en')).toBe('Dec 1, 2025');
  });
});

describe('message catalog', () => {
  it('has the same keys in every language, for every namespace', () => {
    for (const namespace of NAMESPACES) {
      const [first, ...others] = routing.locales.map((locale) => keysOf(loadNamespace(locale, namespace)).sort());
      for (const keys of others) expect(keys, namespace).toEqual(first);
    }
  });

  // The build compiles every message with icu-minify (next.config.js, precompile) and stops at the
  // first it cannot parse; the runtime formatter used by jobs and tests lets some of those through.
  it('compiles every message as the build does', () => {
    const refused: string[] = [];
    for (const locale of routing.locales) {
      for (const namespace of NAMESPACES) {
        for (const [key, message] of messagesOf(loadNamespace(locale, namespace))) {
          try {
            compileMessage(message as string);
          } catch (error) {
            refused.push(`${locale} ${namespace}.${key}: ${(error as Error).message}`);
          }
        }
      }
    }
    expect(refused).toEqual([]);
    expect(() => compileMessage('Used in the link: /petitions/<slug>')).toThrow();
  });

  it('names every region in every language', () => {
    for (const locale of routing.locales) {
      const t = getTranslator(locale, 'common');
      for (const region of REGIONS) expect(t(`regions.${region}`)).not.toMatch(/^common\.|^$/);
    }
  });
});

describe('pickMessages', () => {
  it('keeps only the asked paths, nested as in the catalog', () => {
    const picked = pickMessages(loadMessages('ru'), ['common.quickExit', 'errors']);
    expect(Object.keys(picked)).toEqual(['common', 'errors']);
    expect(Object.keys(picked.common as object)).toEqual(['quickExit']);
    expect(picked.errors).toEqual(loadNamespace('ru', 'errors'));
  });

  it('refuses a path that does not exist, so a renamed key fails loudly', () => {
    expect(() => pickMessages(loadMessages('en'), ['petitions.nope'])).toThrow('petitions.nope');
  });
});
