import { describe, expect, it } from 'vitest';
import type { Entity } from '../dataset/schema';
import { EntitySearch } from './search';

const entity = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  type: 'person',
  name,
  aliases,
  summary: `${name}.`,
  native: [],
  facts: [],
  relations: [],
  timeline: [],
});

const search = new EntitySearch([
  entity('quds-force', 'Quds Force', ['IRGC Quds Force', 'Qods Force']),
  entity('esmail-qaani', 'Esmail Qaani', ['Esmail Ghaani']),
  entity('qasim-al-araji', 'Qasim al-Araji'),
  entity('quds-day', 'Quds Day'),
]);
const ids = (q: string) => search.search(q).map((h) => h.entity.id);

describe('EntitySearch', () => {
  it('finds a person by surname, ignoring case and diacritics', () => {
    expect(ids('qaani')).toEqual(['esmail-qaani']);
    expect(ids('QĀĀNI')).toEqual(['esmail-qaani']);
    expect(ids('araji')).toEqual(['qasim-al-araji']);
  });

  it('finds through aliases and says which one matched', () => {
    const [hit] = search.search('ghaani');
    expect(hit?.entity.id).toBe('esmail-qaani');
    expect(hit?.matched).toBe('Esmail Ghaani');
  });

  it('ranks a name prefix above a later word', () => {
    expect(ids('quds')).toEqual(['quds-force', 'quds-day']);
    expect(ids('force')).toEqual(['quds-force']);
  });

  it('returns nothing for an empty or unknown query', () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('zzz')).toEqual([]);
  });
});
