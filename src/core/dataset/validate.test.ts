import { describe, expect, it } from 'vitest';
import { DatasetError, validateDataset } from './validate';
import { problemText } from '../../shared/problem-text';

const meta = {
  path: 'data/meta.json',
  json: { version: '0.1.0', checked: '2026-11-28', licence: 'CC BY 4.0' },
};
const source = { url: 'https://example.org/a', publisher: 'Example', read: '2026-11-28' };
const entity = (id: string, extra: object = {}) => ({
  path: `data/entities/${id}.json`,
  json: {
    id,
    type: 'place',
    name: id,
    summary: 'A place used by these tests.',
    facts: [{ label: 'Founded', value: 'yes', date: '1900', sources: [source] }],
    ...extra,
  },
});

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    // As the build's log words them (scripts/load-dataset.ts), in English.
    if (error instanceof DatasetError)
      return error.problems.map(
        (p) => `${p.file}${p.path ? ` → ${p.path}` : ''}: ${problemText(p)}`,
      );
    throw error;
  }
  throw new Error('expected a DatasetError');
}

describe('validateDataset', () => {
  it('accepts a valid dataset and fills defaults', () => {
    const dataset = validateDataset(meta, [
      entity('tehran'),
      entity('iran', { relations: [{ type: 'capital-of', target: 'tehran' }] }),
    ]);
    expect(dataset.entities.map((e) => e.id)).toEqual(['iran', 'tehran']);
    expect(dataset.entities[1]).toMatchObject({
      aliases: [],
      native: [],
      relations: [],
      timeline: [],
    });
  });

  it('names the file and field of each problem', () => {
    const found = problems(() =>
      validateDataset(meta, [
        entity('tehran', { type: 'city' }),
        entity('iran', { facts: [{ label: 'x', value: 'y', date: '2020-13-01', sources: [] }] }),
      ]),
    );
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^data\/entities\/tehran\.json → type: /);
    expect(found[1]).toBe(
      'data/entities/iran.json → facts[0].date: must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
    );
    expect(found[2]).toBe('data/entities/iran.json → facts[0].sources: needs at least one source');
  });

  it('rejects unknown fields, dangling relations and places, duplicate and misnamed ids', () => {
    const found = problems(() =>
      validateDataset(meta, [
        entity('iran', { relations: [{ type: 'part-of', target: 'persia' }] }),
        { ...entity('iran'), path: 'data/entities/iran-copy.json' },
        entity('iraq', { colour: 'red' }),
        entity('talks', {
          type: 'event',
          timeline: [
            { date: '2025-04-12', label: 'Round one', place: 'atlantis', sources: [source] },
          ],
        }),
      ]),
    );
    expect(found).toEqual([
      'data/entities/iran-copy.json → id: "iran" does not match the file name "iran-copy.json"',
      'data/entities/iran-copy.json → id: "iran" is already used by data/entities/iran.json',
      'data/entities/iraq.json: unknown field "colour" (a typo?)',
      'data/entities/iran.json → relations[0].target: no entity has the id "persia"',
      'data/entities/talks.json → timeline[0].place: no entity has the id "atlantis"',
    ]);
  });

  it('reports a broken entity once, not again at every link to it', () => {
    const found = problems(() =>
      validateDataset(meta, [
        entity('oman', { type: 'country' }),
        entity('muscat', { relations: [{ type: 'capital-of', target: 'oman' }] }),
      ]),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^data\/entities\/oman\.json → type: /);
  });

  it('rejects a source that is not an https address', () => {
    const bad = (url: string) =>
      entity('iran', {
        facts: [{ label: 'x', value: 'y', date: '2020', sources: [{ ...source, url }] }],
      });
    for (const url of ['javascript:alert(1)', 'http://example.org/']) {
      expect(problems(() => validateDataset(meta, [bad(url)]))).toEqual([
        'data/entities/iran.json → facts[0].sources[0].url: must be an https URL',
      ]);
    }
  });

  it('needs a date or an interval on every fact, and intervals that run forward', () => {
    const fact = (extra: object) =>
      entity('iran', { facts: [{ label: 'Role', value: 'v', sources: [source], ...extra }] });
    expect(validateDataset(meta, [fact({ from: '2020-01-03' })]).entities[0]?.facts[0]?.from).toBe(
      '2020-01-03',
    );
    expect(problems(() => validateDataset(meta, [fact({})]))).toEqual([
      'data/entities/iran.json → facts[0].date: a fact needs a date (or from, for an interval)',
    ]);
    expect(problems(() => validateDataset(meta, [fact({ from: '2024', to: '2020' })]))).toEqual([
      'data/entities/iran.json → facts[0].to: ends before it starts',
    ]);
  });

  it('accepts alias rules and contested readings, and rejects an unknown rule', () => {
    const ok = entity('pak', {
      aliases: [
        'Kurdistan Freedom Party',
        { text: 'PAK', caseSensitive: true },
        { text: 'Azadi', short: true },
      ],
      facts: [
        {
          label: 'Founded',
          value: '1991',
          date: '1991',
          sources: [source],
          contested: [{ value: '2006', sources: [source] }],
        },
      ],
    });
    expect(validateDataset(meta, [ok]).entities[0]?.aliases).toHaveLength(3);
    const bad = entity('pak', { aliases: [{ text: 'PAK', caseSensitve: true }] });
    expect(problems(() => validateDataset(meta, [bad]))[0]).toMatch(
      /^data\/entities\/pak\.json → aliases\[0\]/,
    );
  });
});
