import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en/console.json';
import kk from '@/messages/kk/console.json';
import ru from '@/messages/ru/console.json';
import { AUDIT_ACTIONS, auditPhraseKey } from './audit-actions';

const LIB = path.resolve(__dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const PREFIXES = [...new Set(Object.keys(AUDIT_ACTIONS).map((code) => code.split('.')[0]))].join('|');

/**
 * The codes a file passes to recordAudit: string literals shaped like the known codes (`event.update`,
 * or `campaign.pause` handed to a helper), and the fixed part of template literals (`petition.${...}`).
 */
function actionsIn(source: string): { literals: string[]; templatePrefixes: string[] } {
  const literals = [...source.matchAll(new RegExp(`'((?:${PREFIXES})\\.[A-Za-z.-]+)'`, 'g'))].map((match) => match[1]!);
  const templatePrefixes = [...source.matchAll(/action: `([a-z-]+\.[A-Za-z.-]*)\$\{/g)].map((match) => match[1]!);
  return { literals, templatePrefixes };
}

describe('audit actions', () => {
  const recording = sourceFiles(LIB).filter((file) => readFileSync(file, 'utf8').includes('recordAudit('));

  it('finds the files that write the audit log', () => {
    expect(recording.length).toBeGreaterThan(15);
  });

  it('every action recorded in lib/ has a phrase', () => {
    const missing: string[] = [];
    for (const file of recording) {
      const { literals, templatePrefixes } = actionsIn(readFileSync(file, 'utf8'));
      for (const code of literals) if (!auditPhraseKey(code)) missing.push(`${path.relative(LIB, file)}: ${code}`);
      for (const prefix of templatePrefixes)
        if (!Object.keys(AUDIT_ACTIONS).some((code) => code.startsWith(prefix))) missing.push(`${path.relative(LIB, file)}: ${prefix}…`);
    }
    expect(missing).toEqual([]);
  });

  it('every phrase exists in kk, ru and en, and an unknown code has none (the page shows the code)', () => {
    for (const messages of [en, ru, kk]) {
      const phrases = messages.audit.actions as Record<string, string>;
      for (const key of Object.values(AUDIT_ACTIONS)) expect(phrases[key], key).toBeTruthy();
    }
    expect(auditPhraseKey('auth.login')).toBe('authLogin');
    expect(auditPhraseKey('something.retired')).toBeNull();
    expect(auditPhraseKey('toString')).toBeNull();
  });
});
