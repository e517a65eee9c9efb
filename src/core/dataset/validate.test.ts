import { describe, expect, it } from 'vitest';
import { DatasetError, validateDataset } from './validate';

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
    summary: 'A place.',
    facts: [{ label: 'Founded', value: 'yes', date: '1900', sources: [source] }],
    ...extra,
  },
});

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

describe('validateDataset', () => {
  it('accepts a valid dataset and fills defaults', () => {
    const dataset = validateDataset(meta, [
      entity('tehran'),
      entity('iran', { related: ['tehran'] }),
    ]);
    expect(dataset.entities.map((e) => e.id)).toEqual(['iran', 'tehran']);
    expect(dataset.entities[1]?.aliases).toEqual([]);
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
    expect(found[2]).toBe(
      'data/entities/iran.json → facts[0].sources: a fact needs at least one source',
    );
  });

  it('rejects unknown fields, dangling relations, duplicate and misnamed ids', () => {
    const found = problems(() =>
      validateDataset(meta, [
        entity('iran', { related: ['persia'] }),
        { ...entity('iran'), path: 'data/entities/iran-copy.json' },
        entity('iraq', { colour: 'red' }),
      ]),
    );
    expect(found).toEqual([
      'data/entities/iran-copy.json → id: "iran" does not match the file name "iran-copy.json"',
      'data/entities/iran-copy.json → id: "iran" is already used by data/entities/iran.json',
      'data/entities/iraq.json: Unrecognized key: "colour"',
      'data/entities/iran.json → related[0]: no entity has the id "persia"',
    ]);
  });

  it('rejects a source that is not a web address', () => {
    const bad = entity('iran', {
      facts: [
        {
          label: 'x',
          value: 'y',
          date: '2020',
          sources: [{ ...source, url: 'javascript:alert(1)' }],
        },
      ],
    });
    expect(problems(() => validateDataset(meta, [bad]))).toEqual([
      'data/entities/iran.json → facts[0].sources[0].url: must be an http(s) URL',
    ]);
  });
});
