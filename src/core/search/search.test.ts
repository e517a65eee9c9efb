import { describe, expect, it } from 'vitest';
import type { Entity } from '../dataset/schema';
import { EntitySearch, withinOneEdit } from './search';

const entity = (
  id: string,
  name: string,
  aliases: string[] = [],
  extra: Partial<Entity> = {},
): Entity => ({
  id,
  type: 'person',
  name,
  aliases,
  summary: `${name}.`,
  native: [],
  ...extra,
  facts: [],
  relations: [],
  timeline: [],
});

const search = new EntitySearch([
  entity('quds-force', 'Quds Force', ['IRGC Quds Force', 'Qods Force']),
  entity('esmail-qaani', 'Esmail Qaani', ['Esmail Ghaani', "Esmaeil Qa'ani"], {
    native: [{ lang: 'fa', text: 'اسماعیل قاآنی' }],
    summary: 'Commander of the Quds Force since January 2020.',
  }),
  entity('soleimani-killing-2020', 'Killing of Qasem Soleimani', ['Soleimani assassination']),
  entity('qasem-soleimani', 'Qasem Soleimani'),
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
    // Esmail Qaani's summary names the Quds Force: found, but after the names.
    expect(ids('quds')).toEqual(['quds-force', 'quds-day', 'esmail-qaani']);
    expect(ids('force')).toEqual(['quds-force', 'esmail-qaani']);
  });

  it('returns nothing for an empty or unknown query', () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('zzz')).toEqual([]);
  });

  it('forgives a typo', () => {
    expect(ids('Qaanu')).toEqual(['esmail-qaani']);
    // The person first: the query is more of his name than of the event's.
    expect(ids('Solaimani')).toEqual(['qasem-soleimani', 'soleimani-killing-2020']);
  });

  it('finds a native-script name, with Arabic and Persian letters folded alike', () => {
    expect(ids('قاآنی')).toEqual(['esmail-qaani']);
    expect(ids('قاآني')).toEqual(['esmail-qaani']); // Arabic yeh for the Persian one
  });

  it('finds through apostrophe spellings and as the query is being typed', () => {
    expect(ids('qaani')).toEqual(['esmail-qaani']);
    expect(ids('esmaeil qa')).toEqual(['esmail-qaani']);
    expect(ids('Esm')).toEqual(['esmail-qaani']);
  });

  it('finds by words of the summary', () => {
    expect(ids('commander')).toEqual(['esmail-qaani']);
  });

  it('tells words one typo apart', () => {
    expect(withinOneEdit('soleimani', 'solaimani')).toBe(true);
    expect(withinOneEdit('qaani', 'qaan')).toBe(true);
    expect(withinOneEdit('qaani', 'qaaniy')).toBe(true);
    expect(withinOneEdit('soleimani', 'solaimeni')).toBe(false);
  });
});
