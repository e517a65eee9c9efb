import { memoryArea } from './memory-area';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../core/packs/pack';
import {
  enabledPackEntities,
  listPacks,
  PACKS_KEY,
  removePack,
  setPackEnabled,
  storePack,
} from './packs';

const pack = (version: string, names: string[]): Pack =>
  ({
    format: 'backstory-pack',
    formatVersion: 1,
    meta: { id: 'test-pack', name: 'Test pack', version, checked: '2026-11', licence: 'CC0' },
    entities: names.map((name, i) => ({
      id: `test-${i}`,
      type: 'person',
      name,
      aliases: [],
      native: [],
      summary: `${name}, a test fixture.`,
      facts: [],
      relations: [],
      timeline: [],
    })),
  }) as Pack;

describe('stored packs', () => {
  it('replaces a pack of the same id in one switch, leaving no old contents behind', async () => {
    const area = memoryArea();
    const first = await storePack(area, pack('1', ['Alpha Person']), 100);
    await new Promise((r) => setTimeout(r, 2));
    const second = await storePack(area, pack('2', ['Beta Person', 'Gamma Person']), 200);
    expect(await listPacks(area)).toEqual([second]);
    expect(area.data[first.dataKey]).toBeUndefined();
    expect((await enabledPackEntities(area)).map((e) => e.name)).toEqual([
      'Beta Person',
      'Gamma Person',
    ]);
  });

  it('keeps the old pack whole when writing the new one fails', async () => {
    const area = memoryArea();
    await storePack(area, pack('1', ['Alpha Person']), 100);
    const failing = memoryArea({}, (key) => key.startsWith('pack:') || key === PACKS_KEY);
    Object.assign(failing.data, area.data);
    await expect(storePack(failing, pack('2', ['Beta Person']), 100)).rejects.toThrow();
    expect((await enabledPackEntities(failing)).map((e) => e.name)).toEqual(['Alpha Person']);
  });

  it('disables, re-enables and removes a pack', async () => {
    const area = memoryArea();
    const info = await storePack(area, pack('1', ['Alpha Person']), 100);
    await setPackEnabled(area, 'test-pack', false);
    expect(await enabledPackEntities(area)).toEqual([]);
    await setPackEnabled(area, 'test-pack', true);
    expect(await enabledPackEntities(area)).toHaveLength(1);
    await removePack(area, 'test-pack');
    expect(await listPacks(area)).toEqual([]);
    expect(area.data[info.dataKey]).toBeUndefined();
  });
});
