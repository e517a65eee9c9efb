/**
 * Packs written to do harm. Each is either refused with the field at fault named, or accepted
 * with its text exactly as written (and shown as text: see src/ui/hostile-pack.test.tsx).
 * Nothing in them may leak into Object.prototype.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CardModels } from '../dataset/card-model';
import { parsePack } from './pack';
import { problemText } from '../../shared/problem-text';

const hostileText = readFileSync(
  resolve(import.meta.dirname, '../../../tests/fixtures/packs/hostile-pack.json'),
  'utf8',
);
type Json = Record<string, unknown>;
const hostile = (): Json => JSON.parse(hostileText) as Json;

/** The problems as an English reader sees them: the field, and what is wrong with it. */
function problems(text: string) {
  const result = parsePack(text);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.problems.map((p) => ({ path: p.path, message: problemText(p) }));
}

/** Reads a dotted path such as `entities[0].facts[0]` from parsed JSON. */
function at(json: unknown, path: string): Json {
  let value = json;
  for (const part of path.match(/[^.[\]]+/g) ?? []) value = (value as Json)[part];
  return value as Json;
}

/** Every string in a value, in order (keys too): what a pack author wrote. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

afterEach(() => {
  expect(({} as Json).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype).not.toHaveProperty('isAdmin');
});

// Every object of a pack, by path: where a hostile key can be put.
const OBJECTS = [
  'meta',
  'entities[0]',
  'entities[0].native[0]',
  'entities[0].aliases[1]',
  'entities[0].facts[0]',
  'entities[0].facts[0].sources[0]',
  'entities[0].facts[0].contested[0]',
  'entities[0].facts[0].contested[0].sources[0]',
  'entities[0].relations[0]',
  'entities[0].timeline[0]',
  'entities[0].timeline[0].sources[0]',
];

describe('a pack with markup in every text field', () => {
  it('is accepted, with every string exactly as written', () => {
    const result = parsePack(hostileText);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const written = strings(hostile());
    expect(written.filter((s) => s.includes('<script>')).length).toBeGreaterThan(15);
    // Defaults add empty lists, never text: the strings are the file's own.
    expect(new Set(strings(result.pack))).toEqual(new Set(written));
  });
});

describe('source and homepage addresses that are not https', () => {
  const unsafe = [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    'http://example.org/plain',
  ];
  const places = [
    'entities[0].facts[0].sources[0]',
    'entities[0].facts[0].contested[0].sources[0]',
    'entities[0].timeline[0].sources[0]',
  ];

  it.each(unsafe)('%s is refused wherever a source has one, naming the field', (url) => {
    for (const place of places) {
      const json = hostile();
      at(json, place).url = url;
      expect(problems(JSON.stringify(json))).toEqual([
        { path: `${place}.url`, message: 'must be an https URL' },
      ]);
    }
    const json = hostile();
    at(json, 'meta').homepage = url;
    expect(problems(JSON.stringify(json))).toEqual([
      { path: 'meta.homepage', message: 'must be an https URL' },
    ]);
  });
});

describe('__proto__, constructor and prototype keys', () => {
  const payload = { polluted: true, isAdmin: true, prototype: { polluted: true } };

  it.each(['__proto__', 'constructor', 'prototype'])(
    '"%s" in any object of the pack is refused there and pollutes nothing',
    (key) => {
      for (const path of OBJECTS) {
        const json = hostile();
        // An own property, as JSON.parse makes it from a file (assignment would set the prototype).
        Object.defineProperty(at(json, path), key, { value: payload, enumerable: true });
        const text = JSON.stringify(json);
        expect(text).toContain(`"${key}":`);
        expect(problems(text)).toEqual([{ path, message: `unknown field "${key}" (a typo?)` }]);
      }
    },
  );

  it('in the list of entities, or as the whole file, is refused with what was expected', () => {
    const asList = hostileText.replace('"entities": [', '"entities": {"__proto__": [');
    const closed = `${asList.slice(0, asList.lastIndexOf(']'))}]}}`;
    expect(problems(closed)).toEqual([
      { path: 'entities', message: 'must be a list, not an object' },
    ]);
    const whole =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": 1}}}';
    expect(problems(whole).map((p) => p.path)).toEqual([
      'format',
      'formatVersion',
      'meta',
      'entities',
    ]);
  });

  it('ids that are names of Object.prototype members are ordinary ids', () => {
    let text = hostileText.replaceAll('test-hostile-council', 'constructor');
    text = text.replaceAll('test-quillon-varga', 'valueof');
    const result = parsePack(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cards = new CardModels({
      meta: { version: '0.0.0', checked: '2026-11-28', licence: 'test' },
      entities: result.pack.entities,
    });
    expect(cards.card('valueof')!.relations[0]!.items[0]!.id).toBe('constructor');
    expect(cards.card('constructor')!.entity.name).toMatch(/^Hostile Council/);
    expect(cards.card('tostring')).toBeUndefined();
  });
});

describe('bidirectional control characters', () => {
  const fields = [
    'meta.name',
    'meta.licence',
    'entities[0].name',
    'entities[0].aliases[0]',
    'entities[0].aliases[1].text',
    'entities[0].native[0].text',
    'entities[0].summary',
    'entities[0].facts[0].label',
    'entities[0].facts[0].sources[0].publisher',
    'entities[0].timeline[0].label',
  ];
  const controls = [
    '\u202A',
    '\u202B',
    '\u202C',
    '\u202D',
    '\u202E',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
  ];

  it('an override or isolate in a name or label is refused, naming the field', () => {
    for (const field of fields) {
      for (const control of controls) {
        const json = hostile();
        const parent = field.replace(/(\.[a-z]+|\[\d+\])$/i, '');
        const key = field.slice(parent.length).replace(/^\.|\[|\]/g, '');
        // "Quillon" with an override reads on screen as a different, reversed name.
        at(json, parent)[key] = `Quillon ${control}agraV lanimirC${control}`;
        const found = problems(JSON.stringify(json));
        expect(found).toHaveLength(1);
        expect(found[0]!.path).toBe(field);
        expect(found[0]!.message).toMatch(/^must not contain bidirectional control characters/);
      }
    }
  });

  it('the marks right-to-left scripts do use (RLM, LRM, ALM) stay allowed', () => {
    const json = hostile();
    at(json, 'entities[0].native[0]').text = 'سازمان\u200F آزمایشی\u200E\u061C';
    expect(parsePack(JSON.stringify(json)).ok).toBe(true);
  });
});

describe('very long and very deep input', () => {
  it('a 1 MB name and alias are accepted as written; a 1 MB id is refused, not quoted', () => {
    const long = `<script>${'Q'.repeat(1_000_000)}</script>`;
    const json = hostile();
    at(json, 'entities[0]').name = long;
    (at(json, 'entities[0]').aliases as unknown[])[0] = long;
    const result = parsePack(JSON.stringify(json));
    expect(result.ok && result.pack.entities[0]!.name).toBe(long);
    at(json, 'entities[1]').id = 'x'.repeat(1_000_000);
    const found = problems(JSON.stringify(json));
    expect(found).toContainEqual({
      path: 'entities[1].id',
      message: 'must be at most 100 characters long',
    });
    for (const p of found) expect(p.message.length).toBeLessThan(400);
  });

  it('a file that is 100,000 levels of nesting and nothing else is refused as not a pack', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}'],
    ]) {
      const deep = `${open!.repeat(100_000)}1${close!.repeat(100_000)}`;
      const found = problems(deep);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.message.length).toBeLessThan(400);
    }
  });

  it('10,000 levels of objects inside meta or a fact are refused at that object', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const [anchor, path] of [
      ['"id": "hostile-fixture-pack"', 'meta'],
      ['"label": "fact-label', 'entities[0].facts[0]'],
    ] as const) {
      const text = hostileText.replace(anchor, `"deep": ${deep}, ${anchor}`);
      expect(problems(text)).toEqual([{ path, message: 'unknown field "deep" (a typo?)' }]);
    }
  });

  it('a 10,000-deep value where a string belongs is refused at that field', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const text = hostileText.replace('"type": "person"', `"type": ${deep}`);
    expect(problems(text)).toEqual([
      { path: 'entities[0].type', message: expect.stringMatching(/^must be one of /) as string },
    ]);
  });
});

describe('duplicate ids', () => {
  it('every repeat is reported at its own id, naming the first', () => {
    const json = hostile();
    const entities = json.entities as Json[];
    entities.push(structuredClone(entities[0]!), structuredClone(entities[0]!));
    expect(problems(JSON.stringify(json))).toEqual([
      { path: 'entities[2].id', message: '"test-quillon-varga" is already the id of entities[0]' },
      { path: 'entities[3].id', message: '"test-quillon-varga" is already the id of entities[0]' },
    ]);
  });
});

describe('a file cut short', () => {
  it('anywhere, is refused with the line and column where it stops', () => {
    const text = hostileText.trimEnd();
    for (let cut = 1; cut < text.length; cut += 37) {
      const found = problems(text.slice(0, cut));
      expect(found).toHaveLength(1);
      expect(found[0]!.path).toBe('');
      expect(found[0]!.message).toMatch(/^Not valid JSON at line \d+, column \d+ \(/);
      expect(found[0]!.message).toMatch(/The file ends too early: was it cut short\?$/);
    }
  });
});
