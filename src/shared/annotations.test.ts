import { memoryArea } from './memory-area';
import { describe, expect, it } from 'vitest';
import {
  addOwnEntry,
  annotationProblems,
  damagedKey,
  mergeAnnotations,
  NOTES_KEY,
  OWN_ENTRIES_KEY,
  readNotes,
  readOwnEntries,
  removeOwnEntry,
  saveNote,
} from './annotations';

const entry = (id: string, name: string) => ({
  id,
  type: 'person',
  name,
  native: [],
  aliases: [],
  summary: `${name}, someone the reader added.`,
  facts: [],
  relations: [],
  timeline: [],
});

describe('notes and own entries read back from damaged storage', () => {
  it('one damaged note costs only itself; the next save keeps the stored value aside', async () => {
    const stored = {
      oman: { text: 'Visit the archive.', updatedAt: '2026-11-01' },
      iran: { text: 42 },
      qatar: 'truncated {"text":"Doha',
    };
    const area = memoryArea({ [NOTES_KEY]: stored });
    expect(Object.keys(await readNotes(area))).toEqual(['oman']);
    expect(await annotationProblems(area)).toEqual([
      '2 of your notes could not be read and are not shown (a copy of what was stored is kept in the extension’s storage).',
    ]);
    await saveNote(area, 'iraq', 'New note.');
    expect(Object.keys(await readNotes(area))).toEqual(['oman', 'iraq']);
    expect(area.data[damagedKey(NOTES_KEY)]).toMatchObject({ raw: stored });
    // Kept once: a second save does not overwrite the copy with the repaired value.
    await saveNote(area, 'iraq', 'Changed.');
    expect(area.data[damagedKey(NOTES_KEY)]).toMatchObject({ raw: stored });
  });

  it('own entries that are not a list, or one damaged entry: the rest is used, nothing is lost on add', async () => {
    const stored = [entry('own-alpha', 'Alpha Reader'), { id: 'own-beta', name: 7 }, null];
    const area = memoryArea({ [OWN_ENTRIES_KEY]: stored });
    expect((await readOwnEntries(area)).map((e) => e.id)).toEqual(['own-alpha']);
    expect(await annotationProblems(area)).toEqual([
      '2 of your own entries could not be read and are not used (a copy of what was stored is kept in the extension’s storage).',
    ]);
    const added = await addOwnEntry(
      area,
      { name: 'Gamma Reader', aliases: '', type: 'person', summary: 'Someone added in a test.' },
      new Set(),
    );
    expect(added.ok).toBe(true);
    expect((await readOwnEntries(area)).map((e) => e.id)).toEqual([
      'own-alpha',
      'own-gamma-reader',
    ]);
    expect(area.data[damagedKey(OWN_ENTRIES_KEY)]).toMatchObject({ raw: stored });

    const notAList = memoryArea({ [OWN_ENTRIES_KEY]: '[{"id":"own-alpha"' });
    await removeOwnEntry(notAList, 'own-alpha');
    expect(notAList.data[damagedKey(OWN_ENTRIES_KEY)]).toMatchObject({
      raw: '[{"id":"own-alpha"',
    });
    expect(await readOwnEntries(notAList)).toEqual([]);
  });

  it('a restored backup merges in without losing the damaged value either', async () => {
    const area = memoryArea({ [NOTES_KEY]: 'garbage', [OWN_ENTRIES_KEY]: [null] });
    await mergeAnnotations(area, { oman: { text: 'From backup.', updatedAt: '2026-11-28' } }, [
      entry('own-alpha', 'Alpha Reader') as never,
    ]);
    expect(Object.keys(await readNotes(area))).toEqual(['oman']);
    expect((await readOwnEntries(area)).map((e) => e.id)).toEqual(['own-alpha']);
    expect(area.data[damagedKey(NOTES_KEY)]).toMatchObject({ raw: 'garbage' });
    expect(area.data[damagedKey(OWN_ENTRIES_KEY)]).toMatchObject({ raw: [null] });
    expect(await annotationProblems(area)).toEqual([]);
  });

  it('healthy or absent values are not copied aside and raise nothing', async () => {
    const area = memoryArea();
    await saveNote(area, 'oman', 'Hello.');
    expect(await annotationProblems(area)).toEqual([]);
    expect(Object.keys(area.data)).toEqual([NOTES_KEY]);
  });

  it('a note on an id named like a prototype member stays an ordinary note', async () => {
    const area = memoryArea({
      [NOTES_KEY]: JSON.parse('{"__proto__": {"text": "x", "updatedAt": "2026"}}') as unknown,
    });
    const notes = await readNotes(area);
    expect(Object.getPrototypeOf(notes)).toBe(Object.prototype);
    expect(Object.keys(notes)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });
});
