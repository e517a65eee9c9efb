/**
 * Storage the background reads at every wake-up, damaged in the ways stored values get damaged
 * (a crash mid-write, a sync or cleaner tool, a hand edit, an older or newer Backstory): the
 * bundled dataset must still answer cards, what can still be read must still be used, and the
 * options page must be able to say what was lost.
 */
import { memoryArea } from '../shared/memory-area';
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../core/dataset/schema';
import { annotationProblems, NOTES_KEY, OWN_ENTRIES_KEY } from '../shared/annotations';
import { EXTRA_INDEX_KEY, PACKS_KEY, packProblems, type PackArea } from '../shared/packs';
import { Datasets } from './datasets';

const entity = (id: string, name: string): Entity => ({
  id,
  type: 'organization',
  name,
  native: [],
  aliases: [],
  summary: `${name}, a made-up test fixture.`,
  facts: [],
  relations: [],
  timeline: [],
});
const bundled: Dataset = {
  meta: { version: '1.0.0', checked: '2026-11-28', licence: 'CC BY 4.0' },
  entities: [entity('oman', 'Oman')],
};
const info = {
  id: 'test-pack',
  name: 'Test pack',
  version: '1',
  checked: '2026-11',
  licence: 'CC0',
  entities: 2,
  bytes: 100,
  importedAt: '2026-11-28T00:00:00.000Z',
  enabled: true,
  dataKey: 'pack:test-pack:1',
};
const contents = (entities: unknown[]) => ({
  format: 'backstory-pack',
  formatVersion: 1,
  meta: { id: 'test-pack', name: 'Test pack', version: '1', checked: '2026-11', licence: 'CC0' },
  entities,
});
const good = entity('test-good', 'Goodwin Trust');

/** The cards the background answers with, and the names content scripts are given. */
async function afterWake(stored: Record<string, unknown>) {
  const local = memoryArea(stored);
  const datasets = new Datasets(bundled, local);
  const cards = await datasets.cardModels();
  await datasets.packsChanged();
  const index = local.data[EXTRA_INDEX_KEY] as { types: Record<string, string> } | undefined;
  const told = [...(await packProblems(local)), ...(await annotationProblems(local))];
  return { cards, extraIds: Object.keys(index?.types ?? {}), told };
}

const CASES: [string, Record<string, unknown>, RegExp[]][] = [
  [
    'the pack list is a string',
    { [PACKS_KEY]: 'packs' },
    [/list of imported packs could not be read/],
  ],
  [
    'the pack list is a truncated JSON string',
    { [PACKS_KEY]: '[{"id":"test-pack","name":"Te' },
    [/list of imported packs could not be read/],
  ],
  [
    'the pack list holds junk beside a good entry',
    { [PACKS_KEY]: [null, 5, 'x', { id: 1 }, info], [info.dataKey]: contents([good]) },
    [/entry 1 could not be read/, /entry 2/, /entry 3/, /entry 4/],
  ],
  ['a listed pack has no contents', { [PACKS_KEY]: [info] }, [/“Test pack” are missing/]],
  [
    'a listed pack’s contents are a string',
    { [PACKS_KEY]: [info], [info.dataKey]: '{"format":"backstory-pack","ent' },
    [/“Test pack” are missing or unreadable/],
  ],
  [
    'a listed pack’s entities are not a list',
    { [PACKS_KEY]: [info], [info.dataKey]: { ...contents([]), entities: 5 } },
    [/“Test pack” are missing or unreadable/],
  ],
  [
    'one entity of a pack is damaged',
    {
      [PACKS_KEY]: [info],
      [info.dataKey]: contents([{ ...good, id: 'test-bad', name: 42 }, good, null]),
    },
    [/^2 of the entries in the pack “Test pack” could not be read/],
  ],
  [
    'a pack written by a newer Backstory, with fields this one does not know',
    {
      [PACKS_KEY]: [{ ...info, formatVersion: 9, signature: 'x' }],
      [info.dataKey]: { ...contents([good]), formatVersion: 9, extra: {} },
    },
    [],
  ],
  ['own entries are a string', { [OWN_ENTRIES_KEY]: 'entries' }, [/1 of your own entries/]],
  [
    'one own entry is damaged',
    { [OWN_ENTRIES_KEY]: [{ id: 'own-x', name: 'X' }, good] },
    [/1 of your own entries could not be read/],
  ],
  ['notes are a list', { [NOTES_KEY]: ['a note'] }, [/1 of your notes could not be read/]],
  [
    'one note is damaged',
    {
      [NOTES_KEY]: {
        oman: { text: 'kept', updatedAt: '2026-11-28' },
        iran: { text: 5 },
        x: 'truncat',
      },
    },
    [/2 of your notes could not be read/],
  ],
];

describe('the background on damaged storage', () => {
  it.each(CASES)(
    '%s: bundled cards still answer, and the reader is told',
    async (_, stored, said) => {
      const { cards, told } = await afterWake(stored);
      expect(cards.card('oman')?.entity.name).toBe('Oman');
      expect(told).toHaveLength(said.length);
      said.forEach((pattern, i) => expect(told[i]).toMatch(pattern));
    },
  );

  it('what can still be read is still used: good pack entities and own entries find names', async () => {
    for (const [name, stored] of CASES) {
      const { cards, extraIds } = await afterWake(stored);
      const hasGood = JSON.stringify(stored).includes('"test-good"');
      expect(cards.card('test-good') !== undefined, name).toBe(hasGood);
      expect(extraIds.includes('test-good'), name).toBe(hasGood);
      expect(extraIds).not.toContain('test-bad');
    }
  });

  it('storage that cannot be read at all: the bundled dataset still answers', async () => {
    const broken: PackArea = {
      get: () => Promise.reject(new Error('IO error: storage corrupted')),
      set: () => Promise.reject(new Error('IO error')),
      remove: () => Promise.reject(new Error('IO error')),
    };
    const cards = await new Datasets(bundled, broken).cardModels();
    expect(cards.card('oman')?.entity.name).toBe('Oman');
  });
});
