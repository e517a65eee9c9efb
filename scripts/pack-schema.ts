/**
 * `npm run pack:schema`: writes data/pack.schema.json, the JSON Schema pack authors point
 * their editor or CI at, from the zod schema that import itself uses, so the two never differ.
 * scripts/pack-schema.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { httpsUrl } from '../src/core/dataset/schema';
import { packSchema } from '../src/core/packs/pack';

export const PACK_SCHEMA_FILE = fileURLToPath(new URL('../data/pack.schema.json', import.meta.url));

export async function renderPackSchema(): Promise<string> {
  const schema = z.toJSONSchema(packSchema, {
    // The file as authors write it: arrays with a default may be left out.
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // zod renders z.url()'s protocol check as format "uri" alone; editors should flag http too.
      if (zodSchema === httpsUrl) jsonSchema.pattern = '^https://';
    },
  });
  // Formatted as `prettier --check` expects, so regenerating leaves no diff.
  const options = await resolveConfig(PACK_SCHEMA_FILE);
  return format(JSON.stringify(schema), { ...options, parser: 'json' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(PACK_SCHEMA_FILE, await renderPackSchema());
  console.log(`Wrote ${PACK_SCHEMA_FILE}.`);
}
