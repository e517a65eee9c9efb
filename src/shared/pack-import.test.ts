import { memoryArea } from './memory-area';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPackFile } from './pack-import';
import { enabledPackEntities, listPacks, type PackArea } from './packs';
import { problemText } from './problem-text';

const fixtures = resolve(import.meta.dirname, '../../tests/fixtures/packs');
const testPack = readFileSync(`${fixtures}/test-pack.json`, 'utf8');
const hostilePack = readFileSync(`${fixtures}/hostile-pack.json`, 'utf8');
const bundledIds = new Set(['baghdad']);

const readFile = (file: File) => file.text();

/** A storage area with the test pack already imported and in use. */
async function withTestPack() {
  const area = memoryArea();
  const first = await importPackFile(new File([testPack], 'test-pack.json'), {
    area,
    bundledIds,
    read: readFile,
  });
  expect(first).toEqual({ ok: true, message: 'Imported Test fixture pack: 1 entries.' });
  return area;
}

/** What a reader relies on after a refused import: the same pack, its names still found. */
async function oldPackStillInUse(area: PackArea, before: Record<string, unknown>) {
  expect((area as ReturnType<typeof memoryArea>).data).toEqual(before);
  expect((await listPacks(area)).map((p) => p.name)).toEqual(['Test fixture pack']);
  expect((await enabledPackEntities(area)).map((e) => e.name)).toEqual(['Zephyr Commission']);
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('importing a pack file', () => {
  it('a 200 MB file is refused by its size before any of it is read', async () => {
    const area = await withTestPack();
    const before = structuredClone(area.data);
    const read = vi.fn(readFile);
    // Only the size is looked at: a File of that size need not exist in memory.
    const huge = { name: 'huge.json', size: 200_000_000 } as File;
    const outcome = await importPackFile(huge, { area, bundledIds, read });
    expect(read).not.toHaveBeenCalled();
    expect(outcome).toEqual({
      ok: false,
      message: 'huge.json is 200.0 MB; packs may be at most 25 MB. Nothing was changed.',
      problems: [],
    });
    await oldPackStillInUse(area, before);
  });

  it('a file just over 25 MB is refused the same way; one at the limit is read', async () => {
    const area = memoryArea();
    const read = vi.fn(async () => '{}');
    const over = await importPackFile(
      { name: 'a.json', size: 25_000_001 },
      { area, bundledIds, read },
    );
    expect(over.message).toBe(
      'a.json is 25.0 MB; packs may be at most 25 MB. Nothing was changed.',
    );
    expect(read).not.toHaveBeenCalled();
    await importPackFile({ name: 'b.json', size: 25_000_000 }, { area, bundledIds, read });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a truncated file is refused with where it stops, and the old pack stays in use', async () => {
    const area = await withTestPack();
    const before = structuredClone(area.data);
    const cut = testPack.replace('"Test fixture pack"', '"Test fixture pack 2"').slice(0, 400);
    const outcome = await importPackFile(new File([cut], 'cut.json'), {
      area,
      bundledIds,
      read: readFile,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toBe(
      'cut.json was not imported (problems found: 1). Nothing was changed.',
    );
    expect(problemText(outcome.problems[0]!)).toMatch(
      /^Not valid JSON at line \d+, column \d+ .*The file ends too early: was it cut short\?$/,
    );
    await oldPackStillInUse(area, before);
  });

  it('a new version with a spoofing name is refused at that field; the old version stays', async () => {
    const area = await withTestPack();
    const before = structuredClone(area.data);
    const spoof = testPack
      .replace('"version": "1"', '"version": "2"')
      .replace('"Zephyr Commission"', '"Zephyr \u202Enoissimmoc"');
    const outcome = await importPackFile(new File([spoof], 'spoof.json'), {
      area,
      bundledIds,
      read: readFile,
    });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.map((p) => p.path)).toEqual(['entities[0].name']);
    await oldPackStillInUse(area, before);
  });

  it('a file that cannot be read is refused with the reason, changing nothing', async () => {
    const area = await withTestPack();
    const before = structuredClone(area.data);
    const outcome = await importPackFile(new File([testPack], 'gone.json'), {
      area,
      bundledIds,
      read: () => Promise.reject(new Error('NotReadableError: the file was moved')),
    });
    expect(outcome).toEqual({
      ok: false,
      message:
        'gone.json was not imported: Error: NotReadableError: the file was moved. Nothing was changed.',
      problems: [],
    });
    await oldPackStillInUse(area, before);
  });

  it('a pack with markup in its text is stored as that text, beside the one in use', async () => {
    const area = await withTestPack();
    const checking = vi.fn();
    const outcome = await importPackFile(new File([hostilePack], 'hostile.json'), {
      area,
      bundledIds,
      read: readFile,
      checking,
    });
    expect(outcome.ok).toBe(true);
    expect(checking).toHaveBeenCalledTimes(1);
    const names = (await enabledPackEntities(area)).map((e) => e.name);
    expect(names).toContain('Zephyr Commission');
    expect(names).toContain(JSON.parse(hostilePack).entities[0].name);
  });
});
