import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePack } from '../core/packs/pack';
import {
  PROBLEMS,
  VALUE_KINDS,
  type ParamKind,
  type Problem,
  type ProblemCode,
  type ProblemParam,
} from '../core/problems';
import { addOwnEntry } from './annotations';
import { parseBackup } from './backup';
import { fromCatalogue, useMessages, type Catalogue } from './i18n';
import { memoryArea } from './memory-area';
import { problemLine, problemText } from './problem-text';
import { readSettings } from './settings';

const LOCALES = fileURLToPath(new URL('../../public/_locales', import.meta.url));
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;
const languages = readdirSync(LOCALES).sort();
const translations = languages.filter((lang) => lang !== 'en');
const codes = Object.keys(PROBLEMS) as ProblemCode[];

const showIn = (lang: string) => useMessages(fromCatalogue(catalogue(lang)));
afterEach(() => showIn('en'));

/** A value of each kind, distinctive enough to be found in the message it fills. */
const SAMPLES: Record<ParamKind, ProblemParam> = {
  count: 12,
  value: '"zz-sample-value"',
  values: ['"aa-first-value"', '"bb-second-value"'],
  kind: 'number',
  kinds: ['string', 'object'],
  size: 25_100_000,
  path: 'entities[7]',
  detail: 'Sample parser detail',
};
const sample = (code: ProblemCode): Problem => ({
  path: '',
  code,
  params: PROBLEMS[code].map((kind) => SAMPLES[kind]),
});

/**
 * Latin letters a Persian or Arabic message may keep: the product's name, names of formats
 * and standards, field names as the file spells them, and examples of values to type.
 */
const KEPT_AS_WRITTEN = [
  /Backstory/g,
  /JSON/g,
  /https:\/\//g,
  /https/g,
  /BCP 47/g,
  /"quds-force"/g,
  /"fa"/g,
  /#c47f00/g,
  /U\+20[0-9A-F]{2}/g,
  /from\/to/g,
  /\b(date|from)\b/g,
];
const LATIN = /\p{Script=Latin}+/gu;
const latinIn = (text: string, kept: RegExp[] = []) =>
  kept.reduce((rest, pattern) => rest.replace(pattern, ''), text).match(LATIN) ?? [];

describe('every problem the core can report', () => {
  it.each(languages)('has a message in %s, with a slot for each of its values', (lang) => {
    const messages = catalogue(lang);
    for (const code of codes) {
      const entry = messages[`problem_${code}`];
      expect(entry, `${lang} problem_${code}`).toBeDefined();
      const slots = [...new Set(entry!.message.match(/\$\d/g) ?? [])].sort();
      const wanted = PROBLEMS[code].map((_, i) => `$${i + 1}`);
      expect(slots, `${lang} problem_${code}`).toEqual(wanted);
    }
    for (const kind of VALUE_KINDS) expect(messages[`kind_${kind}`], `kind_${kind}`).toBeDefined();
  });

  it.each(languages)('reads in %s with every value filled in', (lang) => {
    showIn(lang);
    for (const code of codes) {
      const text = problemText(sample(code));
      expect(text, code).not.toMatch(/\$\d/);
      PROBLEMS[code].forEach((kind, i) => {
        const value = SAMPLES[kind];
        if (kind === 'value' || kind === 'path' || kind === 'detail')
          expect(text, `${code} $${i + 1}`).toContain(value);
        if (kind === 'values')
          for (const one of value as string[]) expect(text, `${code} $${i + 1}`).toContain(one);
      });
    }
  });

  it.each(translations)('is worded in %s around its values, in no English', (lang) => {
    showIn(lang);
    const english = (text: string) => latinIn(text, KEPT_AS_WRITTEN);
    for (const code of codes) {
      const text = problemText(sample(code));
      const values = PROBLEMS[code]
        .filter((kind) => kind === 'value' || kind === 'path' || kind === 'detail')
        .map((kind) => String(SAMPLES[kind]));
      const words = values
        .concat(SAMPLES.values as string[])
        .reduce((rest, value) => rest.replace(value, ''), text);
      expect(english(words), `${lang} problem_${code}: ${text}`).toEqual([]);
    }
    for (const kind of VALUE_KINDS) {
      const text = problemText({ path: '', code: 'wrong_type', params: [kind, kind] });
      expect(english(text), `${lang} kind_${kind}: ${text}`).toEqual([]);
    }
  });
});

/** A pack with the mistakes an author makes: a field left out, a wrong type, a bad date… */
const badPack = JSON.stringify({
  format: 'backstory-pack',
  formatVersion: 1,
  meta: { id: 'test-bad-pack', name: 'N'.repeat(200), version: '1', checked: '2026-13' },
  entities: [
    { id: 'test-one', type: 'person', name: 42, summary: 'Too short.' },
    { id: 'test-two', type: 'place', name: 'Two', summary: '   ', aliases: [7] },
  ],
});

/** A backup with the same kind of mistakes. */
const badBackup = JSON.stringify({
  format: 'backstory-backup',
  formatVersion: 1,
  settings: {},
  packs: [{ enabled: 'yes', pack: JSON.parse(badPack) as unknown }],
  notes: { oman: { text: 'x'.repeat(5000), updatedAt: '2026-11-28' } },
  ownEntries: [],
});

type Sources = 'pack' | 'backup' | 'settings' | 'entry';

async function representative(): Promise<Record<Sources, Problem[]>> {
  const pack = parsePack(badPack);
  const backup = parseBackup(badBackup);
  const entry = await addOwnEntry(
    memoryArea(),
    { name: 'Zephyr', aliases: '', type: 'person', summary: 'Short.' },
    new Set(),
  );
  return {
    pack: pack.ok ? [] : pack.problems,
    backup: backup.ok ? [] : backup.problems,
    settings: readSettings({ version: 2, enabled: 'yes', hoverDelayMs: 99999 }).problems,
    entry: entry.ok ? [] : entry.problems,
  };
}

describe('what is wrong with a bad pack, backup, stored settings or new entry', () => {
  it('is found, each problem at its own field', async () => {
    const found = await representative();
    expect(found.pack.map((p) => `${p.path} ${p.code}`)).toEqual([
      'meta.name too_long',
      'meta.checked partial_date',
      'meta.licence required',
      'entities[0].name wrong_type',
      'entities[0].summary summary_too_short',
      'entities[1].aliases[0] wrong_type_any',
      'entities[1].summary empty',
      'entities[1].summary summary_too_short',
    ]);
    expect(found.backup.map((p) => `${p.path} ${p.code}`)).toEqual([
      'exportedAt required',
      'packs[0].enabled wrong_type',
      'packs[0].pack.meta.name too_long',
      'packs[0].pack.meta.checked partial_date',
      'packs[0].pack.meta.licence required',
      'packs[0].pack.entities[0].name wrong_type',
      'packs[0].pack.entities[0].summary summary_too_short',
      'packs[0].pack.entities[1].aliases[0] wrong_type_any',
      'packs[0].pack.entities[1].summary empty',
      'packs[0].pack.entities[1].summary summary_too_short',
      'notes.oman.text too_long',
    ]);
    expect(found.settings.map((p) => `${p.path} ${p.code}`)).toEqual([
      'enabled wrong_type',
      'hoverDelayMs too_large',
    ]);
    expect(found.entry.map((p) => `${p.path} ${p.code}`)).toEqual(['summary summary_too_short']);
  });

  it('reads in English as before: the field, then what is wrong with it', async () => {
    const { pack } = await representative();
    expect(pack.map((p) => problemLine(p))).toEqual([
      'meta.name: must be at most 120 characters long',
      'meta.checked: must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
      'meta.licence: is required',
      'entities[0].name: must be a string, not a number',
      'entities[0].summary: a summary says who or what it is (20 characters at least)',
      'entities[1].aliases[0]: must be a string or an object',
      'entities[1].summary: must not be empty',
      'entities[1].summary: a summary says who or what it is (20 characters at least)',
    ]);
  });

  it.each(translations)(
    'reads in %s: every word translated, the field named as written',
    async (lang) => {
      const found = await representative();
      showIn(lang);
      for (const [source, problems] of Object.entries(found)) {
        for (const problem of problems) {
          const line = problemLine(problem);
          expect(line, `${source}: ${line}`).toContain(problem.path);
          expect(latinIn(line.replace(problem.path, '')), `${source}: ${line}`).toEqual([]);
        }
      }
    },
  );

  it('is worded when shown, so a reader who changes language sees the new one', async () => {
    const { settings } = await representative();
    const english = problemLine(settings[0]!);
    showIn('fa');
    const persian = problemLine(settings[0]!);
    expect(persian).not.toBe(english);
    expect(persian).toContain('enabled');
  });
});
