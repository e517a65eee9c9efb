import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../src/core/matcher/matcher';
import type { MatcherPack } from '../src/core/matcher/pack';
import { DATASET_MODULE, datasetPlugin, MATCHER_PACK_MODULE } from './dataset-plugin';

function dataDir(entities: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-data-'));
  mkdirSync(join(dir, 'entities'));
  writeFileSync(
    join(dir, 'meta.json'),
    JSON.stringify({ version: '1.0.0', checked: '2026-11-28', licence: 'CC BY 4.0' }),
  );
  for (const [id, json] of Object.entries(entities))
    writeFileSync(join(dir, 'entities', `${id}.json`), JSON.stringify(json));
  return dir;
}

const oman = {
  id: 'oman',
  type: 'place',
  name: 'Oman',
  aliases: ['Sultanate of Oman'],
  summary: 'A country on the Arabian Peninsula.',
  facts: [
    {
      label: 'Capital',
      value: 'Muscat',
      date: '1970',
      sources: [{ url: 'https://example.org/', publisher: 'Example', read: '2026-11-28' }],
    },
  ],
};

/** Runs the plugin's load hook as Vite would, turning `this.error` into a thrown error. */
function load(dir: string, module: string): string {
  const plugin = datasetPlugin(dir);
  const resolved = (plugin.resolveId as unknown as (id: string) => string)(module);
  const context = {
    addWatchFile() {},
    error(message: string): never {
      throw new Error(message);
    },
  };
  return (plugin.load as unknown as (this: typeof context, id: string) => string).call(
    context,
    resolved,
  );
}

describe('datasetPlugin', () => {
  it('emits the dataset, and a matcher pack without the cards', () => {
    const dir = dataDir({ oman });
    expect(load(dir, DATASET_MODULE)).toContain('"summary":"A country on the Arabian Peninsula."');
    const source = load(dir, MATCHER_PACK_MODULE);
    expect(source).not.toContain('summary');
    const pack = JSON.parse(
      source.replace(/^export default /, '').replace(/;$/, ''),
    ) as MatcherPack;
    expect(Matcher.load(pack.index).findAll('the Sultanate of Oman')).toEqual([
      { start: 4, end: 21, entityId: 'oman' },
    ]);
  });

  it('stops the build with the file and field at fault', () => {
    const dir = dataDir({ oman: { ...oman, type: 'country' } });
    expect(() => load(dir, DATASET_MODULE)).toThrow(
      /entities\/oman\.json → type: must be one of "person"/,
    );
  });

  it('names a file that is not JSON', () => {
    const dir = dataDir({});
    writeFileSync(join(dir, 'entities', 'broken.json'), '{ "id": "broken", ');
    expect(() => load(dir, DATASET_MODULE)).toThrow(/entities\/broken\.json: .*JSON/);
  });
});
