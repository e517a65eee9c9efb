import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../scripts/load-dataset';
import { Matcher } from '../src/core/matcher/matcher';
import { foldAlias } from '../src/core/matcher/normalize';

const dataset = loadDataset(fileURLToPath(new URL('../data', import.meta.url)));
const byId = new Map(dataset.entities.map((e) => [e.id, e]));

// The names of the article the product was conceived from; each must have a card.
const SEED = [
  'quds-force',
  'esmail-qaani',
  'qasim-al-araji',
  'iran-iraq-security-agreement-2023',
  'oman-iran-us-talks-2025',
  'oman',
  'muscat',
  'baghdad',
  'tehran',
  'wana',
];

describe('the bundled dataset', () => {
  it('has a card for every name of the seed article', () => {
    expect(SEED.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('dates and sources every fact', () => {
    for (const entity of dataset.entities) {
      expect(entity.facts.length, entity.id).toBeGreaterThan(0);
      for (const fact of entity.facts)
        expect(fact.sources.length, `${entity.id}: ${fact.label}`).toBeGreaterThan(0);
    }
  });

  it('gives no alias to two entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of dataset.entities) {
      for (const alias of [e.name, ...e.aliases]) {
        const key = foldAlias(alias);
        const other = owner.get(key);
        if (other && other !== e.id) clashes.push(`${alias}: ${other} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('finds the seed names in a sentence of our own', () => {
    const text =
      "WANA reports that Esmail Qaani of the IRGC Quds Force met Qasim al-Araji in Baghdad about the Iran–Iraq security agreement; Oman's mediation in Muscat was also raised in Tehran.";
    const found = new Matcher(dataset.entities).findAll(text).map((m) => m.entityId);
    expect(found).toEqual(
      expect.arrayContaining([
        'wana',
        'esmail-qaani',
        'quds-force',
        'qasim-al-araji',
        'baghdad',
        'iran-iraq-security-agreement-2023',
        'oman',
        'muscat',
        'tehran',
      ]),
    );
  });
});
