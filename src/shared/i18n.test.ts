import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROBLEMS, VALUE_KINDS } from '../core/problems';
import { formatNumber, fromCatalogue, t, useMessages, type Catalogue } from './i18n';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOCALES = join(ROOT, 'public/_locales');
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;
const languages = readdirSync(LOCALES);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}
const files = [...sources('src'), ...sources('entrypoints'), 'wxt.config.ts'].map((path) => ({
  path,
  code: readFileSync(join(ROOT, path), 'utf8'),
}));

/** Every message name the code asks for: t('x', …), getMessage('x'), __MSG_x__ in the manifest. */
export function usedKeys(code: string): string[] {
  const calls = /\b(?:t|getMessage)\(\s*['"`]([\w@]+)['"`]/g;
  const manifest = /__MSG_(\w+)__/g;
  return [...code.matchAll(calls), ...code.matchAll(manifest)].map((m) => m[1]!);
}

/**
 * Words written straight into markup: JSX text with letters, and text-bearing attributes given
 * as string literals. Names in the dataset and the reader's data arrive in expressions, so what
 * is left is ours and must come from t(). Read with TypeScript's own parser, not patterns.
 */
export function literalText(code: string): string[] {
  const file = ts.createSourceFile('x.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText(file)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}/u.test(node.initializer.text)
    )
      found.push(`${node.name.getText(file)}="${node.initializer.text}"`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

describe('the message catalogues', () => {
  const english = catalogue('en');

  it('cover English, Persian and Arabic', () => {
    expect(languages.sort()).toEqual(['ar', 'en', 'fa']);
  });

  it('hold every message the code asks for, and nothing it does not', () => {
    // Problems and kinds of value are looked up by name from their tables (problem-text.ts).
    const named = [
      ...Object.keys(PROBLEMS).map((code) => `problem_${code}`),
      ...VALUE_KINDS.map((kind) => `kind_${kind}`),
    ];
    const used = new Set([...files.flatMap((f) => usedKeys(f.code)), ...named]);
    expect([...used].filter((key) => !(key in english)).sort(), 'missing in en').toEqual([]);
    expect(
      Object.keys(english)
        .filter((key) => !used.has(key))
        .sort(),
      'in en but never used',
    ).toEqual([]);
  });

  it.each(languages.filter((l) => l !== 'en'))(
    '%s has exactly the messages of English, each with the same substitutions',
    (lang) => {
      const other = catalogue(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
      const slots = (text: string) => [...new Set(text.match(/\$\d|%s/g) ?? [])].sort();
      for (const [key, { message }] of Object.entries(english)) {
        expect(slots(other[key]!.message), `${lang} ${key}`).toEqual(slots(message));
        expect(other[key]!.message.trim(), `${lang} ${key} is empty`).not.toBe('');
      }
    },
  );

  it('say which language and direction each is', () => {
    expect(catalogue('en').direction!.message).toBe('ltr');
    expect(catalogue('fa').direction!.message).toBe('rtl');
    expect(catalogue('ar').direction!.message).toBe('rtl');
    for (const lang of languages)
      expect(() => new Intl.Locale(catalogue(lang).locale!.message)).not.toThrow();
  });
});

describe('the components and pages', () => {
  const markup = files.filter((f) => f.path.endsWith('.tsx'));

  it('write no words of their own into markup: all of it comes from the catalogue', () => {
    const found = markup.flatMap((f) => literalText(f.code).map((text) => `${f.path}: ${text}`));
    expect(found).toEqual([]);
  });

  it('are all looked at by that check', () => {
    expect(markup.map((f) => relative(ROOT, join(ROOT, f.path)))).toEqual(
      expect.arrayContaining([
        'src/ui/EntityCard.tsx',
        'src/ui/PopupApp.tsx',
        'src/ui/OptionsForm.tsx',
      ]),
    );
  });
});

describe('the checks themselves', () => {
  it('find keys, literal text and literal labels', () => {
    expect(usedKeys(`t('a_b', x) + t(\n  "c")\ngetMessage('@@bidi_dir') '__MSG_name__'`)).toEqual([
      'a_b',
      'c',
      '@@bidi_dir',
      'name',
    ]);
    expect(literalText("<p>Hello {name}</p><b>{t('x')}</b>")).toEqual(['Hello']);
    expect(literalText('<button aria-label="Close" title={t(\'x\')}>×</button>')).toEqual([
      'aria-label="Close"',
    ]);
    expect(literalText('const [a] = useState<string>(); if (a > 1 && b < 2) {}')).toEqual([]);
  });
});

describe('t()', () => {
  it('reads English in Node and fills substitutions in where the message puts them', () => {
    expect(t('card_back_to', 'Quds Force')).toBe('Back to Quds Force');
    expect(t('popup_mentions', 1234)).toBe('Mentions: 1,234');
  });

  it('puts substitutions where the Persian message places them', () => {
    const fa = fromCatalogue(catalogue('fa'));
    expect(fa('data_notes', ['۲', '۳'])).toBe('یادداشت‌ها: افزوده ۲، تغییریافته ۳');
    expect(() => fa('no_such_message')).toThrow(/no_such_message/);
  });

  it('isolates inserted values in a right-to-left language and writes numbers its way', () => {
    useMessages(fromCatalogue(catalogue('ar')));
    try {
      expect(t('popup_pause_on', 'news.example.org')).toBe(
        'الإيقاف المؤقت على \u2068news.example.org\u2069',
      );
      expect(formatNumber(1234)).toBe(new Intl.NumberFormat('ar').format(1234));
    } finally {
      useMessages(fromCatalogue(catalogue('en')));
    }
    expect(t('popup_pause_on', 'news.example.org')).toBe('Pause on news.example.org');
  });
});
