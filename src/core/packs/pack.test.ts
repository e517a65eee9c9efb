import { describe, expect, it, vi } from 'vitest';
import { PACK_MAX_BYTES, parsePack, type PackInput, type ParsePackOptions } from './pack';
import { problemText } from '../../shared/problem-text';

type EntityInput = PackInput['entities'][number];

// Test fixtures: made-up entities with placeholder sources, not facts about anyone.
const source = {
  url: 'https://example.org/test-fixture',
  publisher: 'Example',
  read: '2026-11-28',
};
const testPerson: EntityInput = {
  id: 'test-person',
  type: 'person',
  name: 'Testa Personne',
  aliases: ['T. Personne', { text: 'Personne', short: true }],
  summary: 'Test fixture: a made-up official of a made-up organization.',
  facts: [{ label: 'Head of', value: 'Test Organization', from: '2021-03', sources: [source] }],
  relations: [{ type: 'leads', target: 'test-organization', from: '2021-03' }],
};
const testOrganization: EntityInput = {
  id: 'test-organization',
  type: 'organization',
  name: 'Test Organization',
  native: [{ lang: 'fa', text: 'سازمان آزمایشی' }],
  summary: 'Test fixture: a made-up organization based in a bundled city.',
  facts: [{ label: 'Founded', value: 'As a test fixture', date: '1999', sources: [source] }],
  relations: [{ type: 'based-in', target: 'muscat' }],
};
const testEvent: EntityInput = {
  id: 'test-event',
  type: 'event',
  name: 'Test Summit',
  summary: 'Test fixture: a made-up meeting with one step on its timeline.',
  timeline: [{ date: '2025-05', label: 'Opening day', place: 'muscat', sources: [source] }],
};

const bundledIds = new Set(['muscat', 'oman']);

function fixture(): PackInput {
  return {
    format: 'backstory-pack',
    formatVersion: 1,
    meta: {
      id: 'test-pack',
      name: 'Test pack',
      version: '1.0',
      checked: '2026-11-28',
      licence: 'CC0',
      homepage: 'https://example.org/test-pack',
    },
    entities: structuredClone([testPerson, testOrganization, testEvent]),
  };
}

/** The fixture as an author would save it, after `edit` changed a copy. */
function packText(edit: (pack: PackInput) => void = () => {}): string {
  const pack = fixture();
  edit(pack);
  return JSON.stringify(pack, null, 2);
}

/** Puts raw JSON text (`"key": value, `) right before the first occurrence of `before`. */
const insert = (text: string, before: string, json: string) =>
  text.replace(before, `${json}, ${before}`);

function accepted(text: string, options: ParsePackOptions = { bundledIds }) {
  const result = parsePack(text, options);
  if (!result.ok) throw new Error(`expected the pack to be accepted: ${JSON.stringify(result)}`);
  return result;
}

/** The problems as an English reader sees them: the field, and what is wrong with it. */
function problems(text: string, options: ParsePackOptions = { bundledIds }) {
  const result = parsePack(text, options);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.problems.map((p) => ({ path: p.path, message: problemText(p) }));
}

describe('parsePack: a valid pack', () => {
  it('is accepted with defaults filled and links to bundled entities allowed', () => {
    const { pack, warnings } = accepted(packText());
    expect(warnings).toEqual([]);
    expect(pack.meta.name).toBe('Test pack');
    expect(pack.entities.map((e) => e.id)).toEqual([
      'test-person',
      'test-organization',
      'test-event',
    ]);
    expect(pack.entities[2]).toMatchObject({ aliases: [], native: [], facts: [], relations: [] });
  });

  it('may start with a byte order mark and name its JSON Schema', () => {
    const text = packText((p) => (p.$schema = './pack.schema.json'));
    expect(accepted(`\uFEFF${text}`).warnings).toEqual([]);
  });

  it('without bundled ids, every link outside the pack is reported', () => {
    expect(problems(packText(), {}).map((p) => p.path)).toEqual([
      'entities[1].relations[0].target',
      'entities[2].timeline[0].place',
    ]);
  });
});

describe('parsePack: schema problems name the field', () => {
  it('a value of the wrong type', () => {
    const found = problems(
      packText((p) => {
        Object.assign(p.entities[0]!, { type: 'city' });
        Object.assign(p.entities[1]!, { name: 42 });
        p.meta.checked = 'last week';
      }),
    );
    expect(found).toEqual([
      { path: 'meta.checked', message: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' },
      {
        path: 'entities[0].type',
        message: expect.stringMatching(/^must be one of "person", "organization", /),
      },
      { path: 'entities[1].name', message: 'must be a string, not a number' },
    ]);
  });

  it('a missing required field', () => {
    const found = problems(
      packText((p) => {
        delete (p.meta as Partial<PackInput['meta']>).licence;
        delete (p.entities[1] as Partial<EntityInput>).summary;
      }),
    );
    expect(found).toEqual([
      { path: 'meta.licence', message: 'is required' },
      { path: 'entities[1].summary', message: 'is required' },
    ]);
  });

  it('an alias object without its text says so, not just "Invalid input"', () => {
    const found = problems(
      packText((p) => Object.assign(p.entities[0]!, { aliases: [{ txt: 'x' }, 7] })),
    );
    expect(found).toEqual([
      { path: 'entities[0].aliases[0].text', message: 'is required' },
      { path: 'entities[0].aliases[0]', message: 'unknown field "txt" (a typo?)' },
      { path: 'entities[0].aliases[1]', message: 'must be a string or an object' },
    ]);
  });

  it.each([
    ['plain http', 'http://example.org/a'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
  ])('a source or homepage URL that is %s', (_, url) => {
    const found = problems(
      packText((p) => {
        // structuredClone keeps the fixture's one shared source object shared: replace it.
        p.entities[0]!.facts![0]!.sources = [{ ...source, url }];
        p.meta.homepage = url;
      }),
    );
    expect(found).toEqual([
      { path: 'meta.homepage', message: 'must be an https URL' },
      { path: 'entities[0].facts[0].sources[0].url', message: 'must be an https URL' },
    ]);
  });

  it('a file that is not a pack', () => {
    expect(problems('[]')).toEqual([{ path: '', message: 'must be an object, not a list' }]);
    const other = packText((p) => Object.assign(p, { format: 'other', formatVersion: 2 }));
    expect(problems(other)).toEqual([
      { path: 'format', message: 'this is not a Backstory pack: must be "backstory-pack"' },
      {
        path: 'formatVersion',
        message: 'must be 1, the pack format this version of Backstory reads',
      },
    ]);
    expect(problems(packText((p) => (p.entities = [])))).toEqual([
      { path: 'entities', message: 'a pack needs at least one entity' },
    ]);
  });

  it('lists the first 200 problems and counts the rest', () => {
    const entities = Array.from({ length: 300 }, (_, i) => ({
      ...testEvent,
      id: `e-${i}`,
      type: 'x',
    }));
    const found = problems(packText((p) => Object.assign(p, { entities })));
    expect(found).toHaveLength(201);
    expect(found[199]!.path).toBe('entities[199].type');
    expect(found[200]).toEqual({ path: '', message: '… and 100 more' });
  });
});

describe('parsePack: ids and links across entities', () => {
  it('a duplicate id', () => {
    const found = problems(packText((p) => (p.entities[2]!.id = 'test-person')));
    expect(found).toEqual([
      { path: 'entities[2].id', message: '"test-person" is already the id of entities[0]' },
    ]);
  });

  it('a relation or timeline place that leads nowhere', () => {
    const found = problems(
      packText((p) => {
        p.entities[0]!.relations![0]!.target = 'no-such-entity';
        p.entities[2]!.timeline![0]!.place = 'atlantis';
      }),
    );
    const nowhere = (id: string) =>
      `no entity in this pack or in Backstory's own dataset has the id "${id}"`;
    expect(found).toEqual([
      { path: 'entities[0].relations[0].target', message: nowhere('no-such-entity') },
      { path: 'entities[2].timeline[0].place', message: nowhere('atlantis') },
    ]);
  });

  it('an id of the bundled dataset: a pack may not redefine it', () => {
    const found = problems(packText((p) => (p.entities[2]!.id = 'oman')));
    expect(found).toEqual([
      {
        path: 'entities[2].id',
        message: `"oman" is an entity in Backstory's own dataset, and a pack may not redefine it: choose another id (relations may still point to it)`,
      },
    ]);
  });

  it('are reported together with the schema problems, not after those are fixed', () => {
    const found = problems(
      packText((p) => {
        Object.assign(p.entities[0]!, { type: 'city' });
        p.entities[2]!.id = 'test-person';
      }),
    );
    expect(found.map((p) => p.path)).toEqual(['entities[0].type', 'entities[2].id']);
  });
});

describe('parsePack: files that are not JSON', () => {
  it('a file cut short in the middle: the line and column where it stops', () => {
    const full = packText();
    const text = full.slice(0, Math.floor(full.length / 2));
    const lines = text.split('\n');
    const [message] = problems(text).map((p) => p.message);
    const at = `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
    expect(message).toMatch(new RegExp(`^Not valid JSON at ${at} \\(`));
    expect(message).toMatch(/The file ends too early: was it cut short\?$/);
  });

  it('trailing garbage after the pack', () => {
    const text = `${packText()}\n}`;
    const line = text.split('\n').length;
    expect(problems(text)[0]!.message).toMatch(
      new RegExp(`^Not valid JSON at line ${line}, column 1 \\(.*\\)\\.$`),
    );
  });

  it('an empty file', () => {
    expect(problems('  \n')).toEqual([{ path: '', message: 'The file is empty.' }]);
  });
});

describe('parsePack: size', () => {
  it('refuses a file over the limit before reading it, and says the limit', () => {
    const text = `${packText()} not JSON at all`;
    const size = `${Math.ceil(text.length / 100) / 10} kB`;
    expect(problems(text, { maxBytes: 500 })).toEqual([
      { path: '', message: `The file is ${size}; a pack may be at most 500 bytes.` },
    ]);
  });

  it('counts bytes, not characters', () => {
    const text = packText((p) => (p.meta.description = 'é'.repeat(300)));
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeGreaterThan(text.length + 300);
    expect(parsePack(text, { maxBytes: bytes - 1, bundledIds }).ok).toBe(false);
    expect(parsePack(text, { maxBytes: bytes, bundledIds }).ok).toBe(true);
  });

  it('defaults to 25 MB, and a file just over it does not read as 25 MB', () => {
    expect(PACK_MAX_BYTES).toBe(25_000_000);
    expect(problems(' '.repeat(PACK_MAX_BYTES + 1))[0]!.message).toBe(
      'The file is 25.1 MB; a pack may be at most 25 MB.',
    );
  });

  it('accepts a generated pack of about 20 MB', { timeout: 120_000 }, () => {
    const entities: EntityInput[] = [];
    for (let i = 0, bytes = 0; bytes < 19_500_000; i++) {
      const target = i > 0 ? `test-person-${i - 1}` : 'oman';
      const entity = {
        ...structuredClone(testPerson),
        id: `test-person-${i}`,
        name: `Testa Personne ${i}`,
        relations: [{ type: 'related-to' as const, target }],
      };
      entities.push(entity);
      bytes += JSON.stringify(entity).length + 1;
    }
    const text = JSON.stringify({ ...fixture(), entities });
    expect(text.length).toBeGreaterThan(19_500_000);
    expect(text.length).toBeLessThan(PACK_MAX_BYTES);
    expect(accepted(text).pack.entities).toHaveLength(entities.length);
  });
});

describe('parsePack: hostile content stays data', () => {
  const fresh = () => ({}) as Record<string, unknown>;

  it('__proto__, constructor and prototype keys pollute nothing', () => {
    let text = packText();
    text = insert(text, '"format"', '"__proto__": {"polluted": true}, "prototype": 1');
    text = insert(text, '"name": "Test pack"', '"__proto__": {"polluted": true}');
    text = insert(text, '"id": "test-event"', '"constructor": {"prototype": {"polluted": true}}');
    text = insert(
      text,
      '"publisher"',
      '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": 1}}',
    );
    expect(problems(text)).toEqual([
      { path: 'meta', message: 'unknown field "__proto__" (a typo?)' },
      {
        path: 'entities[0].facts[0].sources[0]',
        message: 'unknown fields "__proto__", "constructor" (typos?)',
      },
      { path: 'entities[2]', message: 'unknown field "constructor" (a typo?)' },
    ]);
    expect(fresh().polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('at the top level they are dropped with a warning', () => {
    const text = insert(packText(), '"format"', '"__proto__": {"polluted": true}');
    const { pack, warnings } = accepted(text);
    expect(warnings.map(problemText)).toEqual(['Ignored the unknown top-level field "__proto__".']);
    expect(Object.keys(pack)).toEqual(['format', 'formatVersion', 'meta', 'entities']);
    expect(Object.getPrototypeOf(pack)).toBe(Object.prototype);
    expect(fresh().polluted).toBeUndefined();
  });

  it('a 1 MB summary is refused by its length limit; a 1 MB fact is inert text', () => {
    const huge = `<img src=x onerror=alert(1)>${'x'.repeat(1_000_000)}`;
    expect(problems(packText((p) => (p.entities[0]!.summary = huge)))).toEqual([
      {
        path: 'entities[0].summary',
        message: 'a summary is one or two sentences (400 characters at most)',
      },
    ]);
    const { pack } = accepted(packText((p) => (p.entities[0]!.facts![0]!.value = huge)));
    expect(pack.entities[0]!.facts[0]!.value).toBe(huge);
  });

  it('a 1 MB unknown key is quoted back only in part', () => {
    const key = 'k'.repeat(1_000_000);
    const [problem] = problems(packText((p) => Object.assign(p.meta, { [key]: 1 })));
    expect(problem!.path).toBe('meta');
    expect(problem!.message).toMatch(/^unknown field "k+…" \(a typo\?\)$/);
    expect(problem!.message.length).toBeLessThan(400);
    const top = insert(packText(), '"format"', `"${key}": 1`);
    expect(problemText(accepted(top).warnings[0]!).length).toBeLessThan(200);
  });

  it('10,000 nested arrays do not crash it', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const top = insert(packText(), '"format"', `"deep": ${deep}`);
    expect(accepted(top).warnings.map(problemText)).toEqual([
      'Ignored the unknown top-level field "deep".',
    ]);
    const inEntity = insert(packText(), '"id": "test-event"', `"deep": ${deep}`);
    expect(problems(inEntity)).toEqual([
      { path: 'entities[2]', message: 'unknown field "deep" (a typo?)' },
    ]);
    const inAliases = packText().replace('"T. Personne"', deep);
    expect(problems(inAliases)).toEqual([
      { path: 'entities[0].aliases[0]', message: 'must be a string or an object' },
    ]);
  });

  it('a parser that gives up on deep nesting is a problem, not a crash', () => {
    // V8 parses JSON without recursing; other engines may throw (Firefox: InternalError).
    const parse = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      expect(problems(packText())).toEqual([
        {
          path: '',
          message:
            'The file could not be read (Maximum call stack size exceeded); does it nest too deeply?',
        },
      ]);
    } finally {
      parse.mockRestore();
    }
  });
});
