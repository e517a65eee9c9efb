import { memoryArea } from './memory-area';
import { describe, expect, it, vi } from 'vitest';
import type { Pack } from '../core/packs/pack';
import { addOwnEntry, readNotes, readOwnEntries, saveNote } from './annotations';
import { applyBackup, makeBackup, parseBackup, previewBackup, readBackupFile } from './backup';
import { listPacks, storePack } from './packs';
import { loadSettings, saveSettings } from './settings';
import { problemLine } from './problem-text';

const pack: Pack = {
  format: 'backstory-pack',
  formatVersion: 1,
  meta: { id: 'test-pack', name: 'Test pack', version: '1', checked: '2026-11', licence: 'CC0' },
  entities: [
    {
      id: 'test-alpha',
      type: 'person',
      name: 'Alpha Person',
      aliases: [],
      native: [],
      summary: 'Alpha Person, a made-up test fixture.',
      facts: [],
      relations: [],
      timeline: [],
    },
  ],
} as Pack;

describe('backup', () => {
  it('carries settings, packs, notes and own entries to another machine, previewed first', async () => {
    const here = { local: memoryArea(), sync: memoryArea() };
    await saveSettings(here, { density: 'first', siteList: ['mybank.example'] });
    await storePack(here.local, pack, 500);
    await saveNote(here.local, 'esmail-qaani', 'Read his 2024 interview.');
    await addOwnEntry(
      here.local,
      {
        name: 'Zephyrine Institute',
        aliases: '',
        type: 'organization',
        summary: 'A made-up institute for tests.',
      },
      new Set(),
    );
    const text = JSON.stringify(await makeBackup(here));

    const there = { local: memoryArea(), sync: memoryArea() };
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => problemLine(p)).join('; '));
    const preview = await previewBackup(there, parsed.backup);
    expect(preview).toMatchObject({
      settings: ['density', 'siteList'],
      packsAdded: ['Test pack'],
      notesAdded: 1,
      entriesAdded: ['Zephyrine Institute'],
    });
    // Nothing changes until it is applied.
    expect(await listPacks(there.local)).toEqual([]);
    await applyBackup(there, parsed.backup);
    expect((await loadSettings(there)).density).toBe('first');
    expect((await listPacks(there.local)).map((p) => p.id)).toEqual(['test-pack']);
    expect((await readNotes(there.local))['esmail-qaani']?.text).toBe('Read his 2024 interview.');
    expect((await readOwnEntries(there.local)).map((e) => e.name)).toEqual(['Zephyrine Institute']);
  });

  it('names the part at fault in a broken backup', () => {
    expect(parseBackup('{"format":"backstory-backup"').ok).toBe(false);
    const bad = parseBackup(
      JSON.stringify({
        format: 'backstory-backup',
        formatVersion: 1,
        exportedAt: 'x',
        settings: {},
        packs: [],
        notes: {},
        ownEntries: [{ id: 'own-x', type: 'person', name: 'X' }],
      }),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => problemLine(p)).join('\n')).toMatch(
      /ownEntries\[0\]\.summary/,
    );
  });

  it('a cut, newer or mistyped backup is refused with where and why, polluting nothing', () => {
    const full = JSON.stringify(
      {
        format: 'backstory-backup',
        formatVersion: 1,
        exportedAt: '2026-11-28',
        settings: {},
        packs: [{ enabled: true, pack }],
        notes: {},
        ownEntries: [],
      },
      null,
      2,
    );
    const refused = (text: string) => {
      const parsed = parseBackup(text, { bundledIds: new Set(['oman']) });
      return parsed.ok ? [] : parsed.problems.map((p) => problemLine(p));
    };
    expect(refused(full.slice(0, 300))).toEqual([
      expect.stringMatching(
        /^Not valid JSON at line \d+, column \d+ \(.*\)\. The file ends too early: was it cut short\?$/,
      ),
    ]);
    expect(refused(full.replace('"formatVersion": 1', '"formatVersion": 7'))).toEqual([
      'formatVersion: a backup from a newer Backstory: update Backstory first',
    ]);
    expect(
      refused(full.replace('"notes": {}', '"notes": "x", "__proto__": {"polluted": 1}')),
    ).toEqual(['notes: must be an object, not a string']);
    expect(refused(full.replace('"id": "test-alpha"', '"id": "oman"'))).toEqual([
      expect.stringMatching(
        /^packs\[0\]\.pack\.entities\[0\]\.id: "oman" is an entity in Backstory's own dataset/,
      ),
    ]);
    const twice = JSON.parse(full) as { packs: { pack: Pack }[] };
    twice.packs[0]!.pack.entities.push(twice.packs[0]!.pack.entities[0]!);
    expect(refused(JSON.stringify(twice))).toEqual([
      'packs[0].pack.entities[1].id: "test-alpha" is already the id of entities[0]',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a backup made from damaged storage holds what could be read, and imports cleanly', async () => {
    const here = { local: memoryArea(), sync: memoryArea() };
    await storePack(here.local, pack, 500);
    const [info] = await listPacks(here.local);
    here.local.data[info!.dataKey] = {
      ...pack,
      entities: [...pack.entities, { id: 'test-broken', name: 42 }],
    };
    here.local.data.packs = [...(here.local.data.packs as unknown[]), null, 'junk'];
    here.local.data.notes = { oman: { text: 'kept', updatedAt: '2026' }, iran: 5 };
    here.local.data.ownEntries = 'not a list';
    const parsed = parseBackup(JSON.stringify(await makeBackup(here)));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => problemLine(p)).join('; '));
    expect(parsed.backup.packs.map((p) => p.pack.entities.map((e) => e.id))).toEqual([
      ['test-alpha'],
    ]);
    expect(Object.keys(parsed.backup.notes)).toEqual(['oman']);
    expect(parsed.backup.ownEntries).toEqual([]);
  });

  it('a 200 MB backup is refused by its size before any of it is read', async () => {
    const read = vi.fn(async () => '{}');
    const huge = { name: 'huge-backup.json', size: 200_000_000 };
    expect(await readBackupFile(huge, read)).toEqual({
      ok: false,
      problems: [],
      message: 'huge-backup.json is 200.0 MB; a backup may be at most 100 MB. Nothing was changed.',
    });
    expect(read).not.toHaveBeenCalled();
    await readBackupFile({ name: 'small.json', size: 2 }, read);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
