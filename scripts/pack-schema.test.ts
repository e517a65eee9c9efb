import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../src/core/packs/pack';
import { loadDataset } from './load-dataset';
import { PACK_SCHEMA_FILE, renderPackSchema } from './pack-schema';

const dataDir = fileURLToPath(new URL('../data', import.meta.url));

describe('what pack authors are given', () => {
  it('data/pack.schema.json is what `npm run pack:schema` writes from the zod schema today', async () => {
    expect(readFileSync(PACK_SCHEMA_FILE, 'utf8')).toBe(await renderPackSchema());
  });

  it("data/README.md's example pack imports next to the bundled dataset", () => {
    const readme = readFileSync(`${dataDir}/README.md`, 'utf8');
    const example = /```json\n(\{\n {2}"\$schema"[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const bundledIds = new Set(loadDataset(dataDir).entities.map((e) => e.id));
    const result = parsePack(example!, { bundledIds });
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});
